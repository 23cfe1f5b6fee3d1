## 供医疗专业人员参考的产品资料

mechanism-heading = { -drug }的作用机制
    .title = 供医疗专业人员参考
mechanism-summary = { -drug }是JAK家族蛋白酪氨酸激酶的选择性、可逆性抑制剂，主要作用于JAK1和JAK2，对TYK2和JAK3的选择性较低。
mechanism-jak-role = Janus激酶（JAK）将细胞表面细胞因子受体和生长因子受体的信号传递到细胞内，并使STAT蛋白磷酸化和活化，进而启动基因表达。
mechanism-modulation = { -drug }可短暂占据激酶的ATP结合口袋，通过部分抑制JAK1和JAK2，减少STAT蛋白的磷酸化和活化。
ra-cytokines = 类风湿关节炎与促炎细胞因子生成过多有关，其中许多细胞因子需要借助JAK1、JAK2、JAK3或TYK2才能将信号传递过细胞膜。

## 酶学实验结果

ic50-definition = IC50是指使酶活性受到50%抑制的浓度。
ic50-jak1 = JAK1的IC50：5.9 nM
ic50-jak2 = JAK2的IC50：5.7 nM
ic50-tyk2 = TYK2的IC50：53 nM
ic50-jak3 = JAK3的IC50：> 400 nM
ic50-jak3-approx = 在另外的酶学实验中，JAK3的IC50约为560 nM。
selectivity-jak3 = 对JAK3的选择性低100倍。
selectivity-tyk2 = 对TYK2的选择性低10倍。

## 抑制作用的时间进程

inhibition-peak = 服药后1至2小时达到最大抑制作用。
inhibition-baseline = 这种抑制作用是短暂的，服药后16至24小时内恢复至基线水平。

## 化学信息

molecular-formula = 分子式：C16H17N7O2S
molecular-weight = 分子量：371.42
structure-figure = { -drug }的结构式
    .alt = { -drug }化学结构示意图

## 其他临床数据

sjogren-pilot = 在针对活动性干燥综合征的先导研究中，11名中度或高度疾病活动（ESSDAI ≥ 5）的患者接受了{ -drug }治疗。
alopecia-use = { -drug }对成人重度斑秃也显示出良好疗效，但停药后脱发可能复发。
