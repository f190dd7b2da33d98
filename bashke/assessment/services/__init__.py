"""Every write of the assessment app, one module per sub-domain: ``criteria`` (the sheet,
opening and closing assessment), ``scoring`` (assessors and their scores),
``offline_sheet`` (the .xlsx an assessor fills offline), ``ranking`` (the aggregates
the ranking and the API read), ``decisions`` (what becomes of each idea, with its reasoned
response) and ``forum`` (the multi-stakeholder forum's membership and decisions)."""
