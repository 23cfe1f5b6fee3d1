## Bipacksedel: titel och inledning

leaflet-title = { -brand } ({ -drug }): information till patienten
    .title = Bipacksedel för patienter
prescribed-for = Den här bipacksedeln har tagits fram för { $name }.
what-is-heading = Vad är { -drug }?
what-is-body = { -drug }, som säljs under varumärket { -brand }, är ett läkemedel mot reumatoid artrit. Det tillhör en grupp läkemedel som kallas Januskinashämmare (JAK-hämmare).
how-it-helps = Läkemedlet blockerar enzymer som kallas Januskinaser och som bidrar till den inflammation som ger symtomen vid reumatoid artrit. Det kan lindra smärta, stelhet och svullnad i lederna och bromsa ledskadorna.
improvement-time = De flesta som svarar på behandlingen märker en förbättring inom de första 12 veckorna.

## Innan du tar läkemedlet

before-heading = Innan du tar { -drug }
pregnancy-warning = Ta inte { -drug } om du är gravid, försöker bli gravid eller ammar.
doctor-may-decide =
    Din läkare kan välja att inte skriva ut { -drug } om du har eller har haft något av följande:
    • en pågående infektion
    • upprepade eller allvarliga infektioner tidigare
    • bältros
    • sjukdom i lungor, lever eller njurar
    • hjärtproblem, högt blodtryck, höga blodfetter eller blodproppar
    • cancer
    • mycket lågt antal vita eller röda blodkroppar
blood-tests = Du kommer att lämna blodprover innan behandlingen börjar och regelbundet medan du tar { -drug }, för att kontrollera att läkemedlet passar dig.
tuberculosis-check = Din läkare undersöker om du någon gång har utsatts för tuberkulos. Bakterierna kan finnas kvar i kroppen utan att ge symtom, så du kan behöva behandling mot dem innan du börjar med { -drug }.
hepatitis-check = Om du tidigare har haft hepatit kan du behöva regelbundna kontroller, eftersom { -drug } kan öka risken för att infektionen kommer tillbaka.

## Hur du tar läkemedlet

how-to-take-heading = Hur du tar { -drug }
dose-standard = Vanlig dos är 4 mg en gång om dagen.
dose-elderly = Patienter som är 75 år och äldre tar oftast 2 mg en gång om dagen.
your-dose = Din ordinerade dos: { $dose } en gång om dagen.
too-much = Kontakta din läkare direkt om du av misstag har tagit mer än den rekommenderade dosen.
missed-dose = Om du har glömt en dos tar du din vanliga dos nästa dag. Ta inte dubbel dos för att kompensera.
missed-doses-count =
    { $count ->
        [one] Du har missat { $count } dos den här veckan.
       *[other] Du har missat { $count } doser den här veckan.
    }
next-blood-test = Ditt nästa blodprov tas den { $date }.

## Biverkningar

side-effects-heading = Möjliga biverkningar
infections-common = Eftersom { -drug } påverkar immunförsvaret kan du lättare få infektioner. De är oftast lindriga, till exempel infektioner i hals, näsa och luftvägar, munsår, urinvägsinfektioner och magbesvär.
infections-serious = Vissa får allvarligare infektioner, till exempel bältros eller en hudinfektion som kallas cellulit, och i sällsynta fall hepatit eller tuberkulos.
blood-count = Om antalet röda eller vita blodkroppar blir för lågt kan behandlingen göra uppehåll tills värdena har återhämtat sig.
blood-clots = { -drug } kan öka risken för blodproppar i benens djupa vener (djup ventrombos), som ibland kan följa med blodet till lungorna (lungemboli). Sök akut vård om du får ett smärtsamt och svullet ben, bröstsmärta eller andnöd.
other-side-effects = Långvarig användning kan ge andra biverkningar, till exempel höga blodfetter, illamående eller urinvägsinfektioner. Regelbundna kontroller hjälper din läkare att upptäcka dem tidigt.

## Minska risken för infektioner

infection-tips-heading = Så minskar du risken för infektioner
tip-contact = Undvik nära kontakt med personer som du vet har en infektion.
tip-hands = Tvätta händerna ofta och ha en liten flaska antibakteriell handsprit med dig.
tip-teeth = Borsta tänderna regelbundet så att munnen hålls ren.
tip-smoking = Om du röker, försök att sluta.
tip-food = Se till att maten förvaras och tillagas på rätt sätt.
tip-home = Håll hemmet rent, särskilt kök, badrum och toalett.

## Andra läkemedel och vaccinationer

other-medicines = Du kommer troligen att ta { -methotrexate } tillsammans med { -drug }. Vissa andra läkemedel kan påverka eller påverkas av { -drug }, så fråga din läkare innan du börjar med något nytt.
tell-other-doctors = Om någon annan än ditt vanliga reumatologteam behandlar dig, berätta att du tar { -drug }.
painkillers = Om inte din läkare säger något annat kan du fortsätta att ta inflammationsdämpande läkemedel av NSAID-typ eller andra smärtstillande läkemedel.
herbal = Tala med ditt reumatologteam innan du tar receptfria läkemedel eller naturläkemedel.
vaccines-heading = Vaccinationer
vaccines-plan = Prata med ditt reumatologteam om vaccinationer, även sådana som du kan behöva inför resor utomlands. Om det är möjligt bör du vaccinera dig innan du börjar med { -drug }.
shingles-vaccine = Zostavax är ett levande vaccin mot bältros och rekommenderas inte medan du tar { -drug }. Bältrosvaccinet Shingrix innehåller inget levande virus och kan vara ett alternativ.
surgery = Om du planerar en operation, tala med ditt vårdteam. De kan be dig att göra uppehåll med { -drug } en tid före och efter ingreppet.

## Alkohol

alcohol-limit = Både män och kvinnor rekommenderas att inte dricka mer än 14 enheter alkohol i veckan, jämnt fördelat över veckans dagar.
alcohol-equivalent = Det motsvarar ungefär 6 glas vin eller 6 stora glas öl.

## Fertilitet, graviditet och amning

pregnancy-heading = Fertilitet, graviditet och amning
breastfeeding = Det är inte känt om { -drug } passerar över i bröstmjölk. Tala med ditt reumatologteam om du funderar på att amma.
fertility = Det finns i dag ingen information om huruvida { -drug } påverkar fertiliteten hos män eller kvinnor.

## Att sluta med behandlingen

stopping-heading = Kan jag sluta ta { -drug }?
stopping-body = Om du kan sluta beror på vilken sjukdom du har, hur väl du svarar på behandlingen och andra personliga faktorer. Sluta bara under noggrann uppsikt av din läkare.
relapse-risk = Om sjukdomen har varit stabil och välkontrollerad är ett återfall mindre troligt när du slutar. Risken är större om sjukdomen är mycket aktiv, om du har andra sjukdomar eller om läkemedlet inte har fungerat bra för dig.

## Rapportering och revision

report-side-effects = Det här läkemedlet är föremål för utökad övervakning. Rapportera alla biverkningar som du misstänker.
last-revised = Bipacksedeln reviderades senast den 22 mars 2018.
