## Patient leaflet: title and introduction

leaflet-title = { -brand } ({ -drug }): information for the patient
    .title = Patient information leaflet
prescribed-for = This leaflet was prepared for { $name }.
what-is-heading = What is { -drug }?
what-is-body = { -drug }, sold under the brand name { -brand }, is a medicine for rheumatoid arthritis. It belongs to a group of medicines called Janus kinase (JAK) inhibitors.
how-it-helps = It blocks enzymes called Janus kinases, which take part in the inflammation behind the symptoms of rheumatoid arthritis. This can ease pain, stiffness and swelling of the joints and slow down the damage to them.
improvement-time = Most people who respond to the treatment notice an improvement within the first 12 weeks.

## Before you take the medicine

before-heading = Before you take { -drug }
pregnancy-warning = Do not take { -drug } if you are pregnant, trying to become pregnant or breastfeeding.
doctor-may-decide =
    Your doctor might not prescribe { -drug } if you currently have, or have previously had, any of these conditions:
    • a current infection
    • repeated or serious infections in the past
    • shingles
    • lung, liver or kidney disease
    • heart problems, high blood pressure, high cholesterol or blood clots
    • cancer
    • very low numbers of white or red blood cells
blood-tests = You will have blood tests before the treatment starts and at regular intervals while you take { -drug }, to check that the medicine is right for you.
tuberculosis-check = Your doctor will check whether you have ever been exposed to tuberculosis. The bacteria can stay in the body without causing symptoms, so you may need treatment for them before you start { -drug }.
hepatitis-check = If you have had hepatitis in the past, you may need regular check-ups, because { -drug } can raise the risk of the infection coming back.

## How to take the medicine

how-to-take-heading = How to take { -drug }
dose-standard = The usual dose is 4 mg once a day.
dose-elderly = Patients aged 75 and older usually take 2 mg once a day.
your-dose = Your prescribed dose: { $dose } once a day.
too-much = If you take more than the recommended dose by mistake, contact your doctor straight away.
missed-dose = If you forget a dose, take your usual dose the next day. Do not take a double dose to make up for it.
missed-doses-count =
    { $count ->
        [one] You have missed { $count } dose this week.
       *[other] You have missed { $count } doses this week.
    }
next-blood-test = Your next blood test is on { $date }.

## Side effects

side-effects-heading = Possible side effects
infections-common = Because { -drug } acts on your immune system, you may catch infections more easily. These are usually mild, for example a sore throat, a cold, a chest infection, cold sores, a urinary tract infection or an upset stomach.
infections-serious = Some people get more serious infections, such as shingles or a skin infection called cellulitis. Hepatitis or tuberculosis can also occur, but this is rare.
blood-count = If the number of red or white cells in your blood drops too low, your doctor may pause the treatment until the levels recover.
blood-clots = { -drug } may raise the risk of blood clots in the deep veins of the legs (deep vein thrombosis), which can sometimes travel to the lungs (pulmonary embolism). Get urgent medical help if you have a painful, swollen leg, chest pain or shortness of breath.
other-side-effects = Long-term use may cause other side effects, such as high cholesterol, nausea or urinary tract infections. Regular check-ups help your doctor spot them early.

## Lowering the risk of infection

infection-tips-heading = How to lower your risk of infection
tip-contact = Keep away from people who you know have an infection.
tip-hands = Wash your hands often and carry a pocket-sized bottle of antibacterial hand gel.
tip-teeth = Brush your teeth regularly to keep your mouth clean.
tip-smoking = If you smoke, try to stop.
tip-food = Make sure your food is stored and prepared properly.
tip-home = Keep your home clean, especially the kitchen, bathroom and toilet.

## Other medicines and vaccinations

other-medicines = You will probably take { -methotrexate } together with { -drug }. Some other medicines can interact with { -drug }, so ask your doctor before you start anything new.
tell-other-doctors = If you are treated by someone outside your usual rheumatology team, tell them that you take { -drug }.
painkillers = Unless your doctor advises otherwise, you can keep taking NSAID anti-inflammatories or other painkillers.
herbal = Talk to your rheumatology team before you take any medicines bought without a prescription or any herbal remedies.
vaccines-heading = Vaccinations
vaccines-plan = Discuss vaccinations with your rheumatology team, including any you may need for travel abroad. If possible, have them before you start { -drug }.
shingles-vaccine = Zostavax, a live shingles vaccine, is not recommended while you take { -drug }. The non-live shingles vaccine Shingrix may be an option instead.
surgery = If you are planning an operation, talk to your healthcare team. They may ask you to pause { -drug } for a while before and after the surgery.

## Alcohol

alcohol-limit = Men and women are advised to keep to a maximum of 14 units of alcohol a week, spread evenly over the week.
alcohol-equivalent = That is about 6 glasses of wine or 6 pints of beer.

## Fertility, pregnancy and breastfeeding

pregnancy-heading = Fertility, pregnancy and breastfeeding
breastfeeding = It is not known whether { -drug } passes into breast milk. Speak to your rheumatology team if you plan to breastfeed.
fertility = There is currently no information on whether { -drug } affects fertility in men or women.

## Stopping the treatment

stopping-heading = Can I stop taking { -drug }?
stopping-body = Whether you can stop depends on the type of disease you have, how well you respond and other personal factors. Only stop under close supervision by your doctor.
relapse-risk = If your disease has been stable and well controlled, a relapse after stopping is less likely. The risk is higher if your disease is very active, if you have other illnesses or if the medicine has not worked well for you.

## Reporting and revision

report-side-effects = This medicine is subject to additional monitoring. Please report any side effect you suspect.
last-revised = This leaflet was last revised on 22 March 2018.
