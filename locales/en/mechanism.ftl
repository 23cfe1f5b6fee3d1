## Product facts for healthcare professionals

mechanism-heading = Mechanism of action of { -drug }
    .title = Information for healthcare professionals
mechanism-summary = { -drug } selectively and reversibly inhibits protein tyrosine kinases of the JAK family. It acts mainly on JAK1 and JAK2 and is less selective for TYK2 and JAK3.
mechanism-jak-role = Janus kinases (JAKs) relay signals from cytokine and growth factor receptors on the cell surface to the inside of the cell. There they phosphorylate and activate STAT proteins, which switch on gene expression.
mechanism-modulation = { -drug } briefly occupies the ATP binding pocket of the kinase. By partly blocking JAK1 and JAK2, it reduces the phosphorylation and activation of STAT proteins.
ra-cytokines = Rheumatoid arthritis is linked to excess production of pro-inflammatory cytokines, many of which need JAK1, JAK2, JAK3 or TYK2 to pass their signals across the cell membrane.

## Enzyme assay results

ic50-definition = IC50 is the concentration that inhibits enzyme activity by 50%.
ic50-jak1 = IC50 for JAK1: 5.9 nM
ic50-jak2 = IC50 for JAK2: 5.7 nM
ic50-tyk2 = IC50 for TYK2: 53 nM
ic50-jak3 = IC50 for JAK3: > 400 nM
ic50-jak3-approx = In another enzyme assay, the IC50 for JAK3 was approximately 560 nM.
selectivity-jak3 = Selectivity for JAK3 is 100-fold lower.
selectivity-tyk2 = Selectivity for TYK2 is 10-fold lower.

## Time course of inhibition

inhibition-peak = Maximal inhibition is reached 1 to 2 hours after a dose.
inhibition-baseline = The inhibition is transient: activity is back at baseline 16 to 24 hours after a dose.

## Chemistry

molecular-formula = Empirical formula: C16H17N7O2S
molecular-weight = Molecular weight: 371.42
structure-figure = Structural formula of { -drug }
    .alt = Diagram of the chemical structure of { -drug }

## Other clinical data

sjogren-pilot = In a pilot study, { -drug } was given to 11 patients with active Sjögren's syndrome and moderate or high disease activity (ESSDAI ≥ 5).
alopecia-use = { -drug } has also worked well in adults with severe alopecia areata, but hair loss may return if the treatment is stopped.
