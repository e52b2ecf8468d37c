-- One row per signal a contact has up to the as_of day (workspace_id, signal_id): what it adds
-- to the contact's BIT score and why. The as_of-independent part (weight, confidence, the
-- 72-hour repeats, the daily cap) is stored per signal in int_bit_signal_points; this view adds
-- what the day decides: the decay for the signal's age, whether a standing signal is the one
-- that counts for its contact and type, and whether the contact had left the account.
-- points = points_after_cap x decay_factor (0 after an exit); a contact's score is the sum of
-- their rows' points, and points_day_before the same sum as of the day before (previous tier).
{{ config(materialized='view') }}

{{ bit_score_contributions() }}
