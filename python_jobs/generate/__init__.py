"""Deterministic, streaming, realistic-and-messy synthetic data for the warehouse.

Entry points: service.generate(GenerateParams, out_dir) and cli.generate_command (`revops
generate`). The modules, in the order a chunk of companies flows through them:

  rand       seeded streams keyed by (seed, chunk, month, stream); Dice for scalar draws
  names      vocabularies and value-level mess (suffixes, casing, URLs, emails, phones, typos)
  titles     seniorities, departments, canonical titles and their messy spellings
  reference  the spec's reference sample (ACME ... DataTech, John Smith's promotion)
  world      the true companies and people of one chunk
  crm        CRM companies and people (duplicates, orphans)
  deals      CRM opportunities and the partner network's mirrored and own deals
  backfill   the one-time legacy file with engagement counts
  vendor     monthly vendor snapshots and the job changes they show
  events     monthly engagement events, vectorized
  noise      row-level mess shared by the feeds: exact replays, invalid-row share
  clock      timestamps as the sources write them
  rows       one NamedTuple per output file, in contract column order
  sinks      the file layout, CSV writing and the manifest

Answer-key conventions (ground_truth/): company_identities uses crm_company_id for the CRM,
legacy_company_id for the backfill, partner_opportunity_id for the partner network (the
deal's account) and the company_name exactly as the vendor writes it for the vendor (kept
unique per true company); person_identities uses crm_person_id, vendor_person_id and
legacy_person_id. Every record is listed, duplicates and invalid rows included.
"""
