## Product names. These terms are referenced from every other file.
## Brand names and international non-proprietary names are not translated
## except where a locale has an official name for the substance.

-brand = Olumiant
-drug = baricitinib
-methotrexate = methotrexate
