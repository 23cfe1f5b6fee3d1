## 患者说明书：标题与简介

leaflet-title = { -brand }（{ -drug }）：患者须知
    .title = 患者用药说明书
prescribed-for = 本说明书专为{ $name }编写。
what-is-heading = 什么是{ -drug }？
what-is-body = { -drug }的商品名为{ -brand }，是治疗类风湿关节炎的药物，属于Janus激酶（JAK）抑制剂。
how-it-helps = 它能阻断Janus激酶的作用，而这类酶参与了引起类风湿关节炎症状的炎症反应。因此，它可以减轻关节的疼痛、僵硬和肿胀，并延缓关节损伤。
improvement-time = 大多数对治疗有反应的患者会在治疗的前12周内感到病情有所改善。

## 服药之前

before-heading = 服用{ -drug }之前
pregnancy-warning = 如果您已怀孕、准备怀孕或正在哺乳，请勿服用{ -drug }。
doctor-may-decide =
    如果您目前患有或曾经患有以下任何情况，医生可能决定不为您开具{ -drug }：
    • 活动性感染
    • 反复或严重的既往感染
    • 带状疱疹
    • 肺、肝或肾脏疾病
    • 心脏问题、高血压、高胆固醇或血栓
    • 癌症
    • 白细胞或红细胞计数极低
blood-tests = 在开始治疗前以及服用{ -drug }期间，您都需要定期验血，以确认该药物适合您。
tuberculosis-check = 医生会检查您是否曾接触过结核病。即使没有症状，结核菌也可能潜伏在体内，因此在开始服用{ -drug }之前，您可能需要先接受相应治疗。
hepatitis-check = 如果您以前患过肝炎，可能需要定期复查，因为{ -drug }可能增加肝炎复发的风险。

## 如何服药

how-to-take-heading = 如何服用{ -drug }
dose-standard = 常规剂量为4 mg，每日一次。
dose-elderly = 75岁及以上的患者通常每日一次，每次2 mg。
your-dose = 您的处方剂量：{ $dose }，每日一次。
too-much = 如果您不慎服用了超过推荐剂量的药物，请立即联系医生。
missed-dose = 如果忘记服药，请在次日按常规剂量服用，切勿为弥补漏服而服用双倍剂量。
missed-doses-count =
    { $count ->
       *[other] 您本周已漏服{ $count }次药。
    }
next-blood-test = 您下次验血的日期是{ $date }。

## 副作用

side-effects-heading = 可能的副作用
infections-common = 由于{ -drug }会影响免疫系统，您可能更容易受到感染。这些感染通常较轻，例如咽喉、鼻腔和胸部感染、唇疱疹、尿路感染以及肠胃不适。
infections-serious = 少数人可能出现更严重的感染，例如带状疱疹或称为蜂窝织炎的皮肤感染，极少数情况下还可能出现肝炎或结核病。
blood-count = 如果您的红细胞或白细胞计数过低，治疗可能会暂停，直至指标恢复。
blood-clots = { -drug }可能增加腿部深静脉血栓形成的风险，血栓有时会随血流到达肺部，引起肺栓塞。如果出现腿部疼痛肿胀、胸痛或呼吸急促，请立即就医。
other-side-effects = 长期使用可能引起其他副作用，例如高胆固醇、恶心或尿路感染。定期复查有助于医生及早发现这些问题。

## 降低感染风险

infection-tips-heading = 如何降低感染风险
tip-contact = 尽量避免与已知患有感染的人密切接触。
tip-hands = 经常洗手，并随身携带小瓶装的抗菌洗手液。
tip-teeth = 定期刷牙，保持口腔清洁。
tip-smoking = 如果您吸烟，请尽量戒烟。
tip-food = 确保食物的储存和烹制方式得当。
tip-home = 保持家居清洁卫生，尤其是厨房、浴室和厕所。

## 其他药物与疫苗接种

other-medicines = 您可能会同时服用{ -methotrexate }和{ -drug }。某些其他药物可能与{ -drug }发生相互作用，因此在开始使用任何新药之前，请先咨询医生。
tell-other-doctors = 如果为您治疗的不是您平常就诊的风湿科团队，请告知对方您正在服用{ -drug }。
painkillers = 除非医生另有建议，您可以继续服用NSAID类抗炎药或其他止痛药。
herbal = 在服用任何非处方药或草药制剂之前，请先咨询您的风湿科团队。
vaccines-heading = 疫苗接种
vaccines-plan = 请与风湿科团队讨论疫苗接种事宜，包括出国旅行可能需要的疫苗。如有可能，最好在开始服用{ -drug }之前完成接种。
shingles-vaccine = 带状疱疹减毒活疫苗Zostavax不建议在服用{ -drug }期间接种。您可以改为接种非活性带状疱疹疫苗Shingrix。
surgery = 如果您计划接受手术，请与医疗团队商量。他们可能会建议您在手术前后暂时停用{ -drug }。

## 饮酒

alcohol-limit = 无论男女，每周饮酒量都不应超过14个单位，并应尽量均匀分布在每周的各天。
alcohol-equivalent = 这大约相当于6杯葡萄酒或6品脱啤酒。

## 生育、妊娠与哺乳

pregnancy-heading = 生育、妊娠与哺乳
breastfeeding = 目前尚不清楚{ -drug }是否会进入母乳。如果您打算哺乳，请咨询风湿科团队。
fertility = 目前尚无关于{ -drug }是否影响男性或女性生育能力的资料。

## 停药

stopping-heading = 我可以停用{ -drug }吗？
stopping-body = 能否停药取决于您的疾病类型、治疗反应以及其他个人因素。请务必在医生的严密指导下停药。
relapse-risk = 如果病情持续稳定且控制良好，停药后复发的可能性较低。如果疾病活动度较高、合并其他疾病或药物疗效不佳，复发风险则会升高。

## 不良反应报告与修订信息

report-side-effects = 本药品需接受额外监测。如您怀疑出现任何不良反应，请及时报告。
last-revised = 本说明书最后修订日期：2018年3月22日。
