"""The offline engine's extraction parts, one job per module.

- `lexicons`: loads the gazetteers and cue lexicons shipped as data files (`../data/*.yaml`).
- `gazetteer`: finds canonical values (industries, regions, tools) in English and Chinese text.
- `taxonomy`: the industry and region trees (parent, English and Chinese names) it reads.
- `lines`: splits notes into units with line numbers and decides what each unit is about.
- `firmographics`: employee and revenue ranges from the classified units.
- `titles`: decision makers by buying role, with titles in the note's own words.
- `pmf`: referral share, NPS and retention from a product-market-fit answer.
- `clauses`: learned clause heads (dimension, include/exclude) on the bundled embeddings.
- `reading`: units read clause by clause with those heads.
"""
