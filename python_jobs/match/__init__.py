"""Entity resolution (`revops match`): company and person records -> stable golden ids.

records.py reads the core models, blocking.py and scoring.py find fuzzy candidates,
clustering.py turns exact and fuzzy edges into entities, store.py keeps the persistent tables,
evaluate.py measures against the generator's answer key, service.py runs it all.
"""
