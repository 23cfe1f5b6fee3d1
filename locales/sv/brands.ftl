## Produktnamn. Termerna används av alla andra filer.
## Varumärken och substansnamn översätts inte, utom när det finns ett
## officiellt svenskt namn för substansen.

-brand = Olumiant
-drug = baricitinib
-methotrexate = metotrexat
