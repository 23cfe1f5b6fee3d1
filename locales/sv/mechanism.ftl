## Produktfakta för hälso- och sjukvårdspersonal

mechanism-heading = Verkningsmekanism för { -drug }
    .title = Information för hälso- och sjukvårdspersonal
mechanism-summary = { -drug } är en selektiv och reversibel hämmare av proteintyrosinkinaser i JAK-familjen. Det verkar främst på JAK1 och JAK2 och är mindre selektivt för TYK2 och JAK3.
mechanism-jak-role = Januskinaser (JAK) för vidare signaler från receptorer för cytokiner och tillväxtfaktorer på cellytan in i cellen. Där fosforylerar och aktiverar de STAT-proteiner, som i sin tur sätter igång genuttrycket.
mechanism-modulation = { -drug } binder tillfälligt till ATP-bindningsfickan i kinaset. Genom att delvis hämma JAK1 och JAK2 minskar det fosforyleringen och aktiveringen av STAT-proteiner.
ra-cytokines = Reumatoid artrit är förknippad med en överproduktion av proinflammatoriska cytokiner, och många av dem behöver JAK1, JAK2, JAK3 eller TYK2 för att föra signaler genom cellmembranet.

## Resultat från enzymanalyser

ic50-definition = IC50 är den koncentration som hämmar enzymaktiviteten med 50 %.
ic50-jak1 = IC50 för JAK1: 5,9 nM
ic50-jak2 = IC50 för JAK2: 5,7 nM
ic50-tyk2 = IC50 för TYK2: 53 nM
ic50-jak3 = IC50 för JAK3: > 400 nM
ic50-jak3-approx = I en annan enzymanalys var IC50 för JAK3 ungefär 560 nM.
selectivity-jak3 = Selektiviteten för JAK3 är 100 gånger lägre.
selectivity-tyk2 = Selektiviteten för TYK2 är 10 gånger lägre.

## Hämningens tidsförlopp

inhibition-peak = Maximal hämning uppnås 1 till 2 timmar efter en dos.
inhibition-baseline = Hämningen är övergående och återgår till utgångsvärdet inom 16 till 24 timmar efter en dos.

## Kemi

molecular-formula = Summaformel: C16H17N7O2S
molecular-weight = Molekylvikt: 371,42
structure-figure = Strukturformel för { -drug }
    .alt = Diagram över den kemiska strukturen hos { -drug }

## Övriga kliniska data

sjogren-pilot = I en pilotstudie fick 11 patienter med aktivt Sjögrens syndrom och måttlig eller hög sjukdomsaktivitet (ESSDAI ≥ 5) behandling med { -drug }.
alopecia-use = { -drug } har också haft god effekt hos vuxna med svårt fläckvis håravfall, men håret kan börja falla av igen om behandlingen avslutas.
