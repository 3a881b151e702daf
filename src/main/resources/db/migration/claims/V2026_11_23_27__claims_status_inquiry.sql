-- Claim status inquiry. A user sees only the claims paid to payee NPIs they hold claim status
-- access for, so every search is driven by an index whose claims are already narrowed that way,
-- newest date of service first, and stops after a fixed number of rows: the work per search does
-- not grow with the number of claims on file.

-- A payee's claims by date of service; with the billing and rendering NPIs so that a search by
-- provider reads the index alone.
DROP INDEX claims.claim_payee_service;
CREATE INDEX claim_payee_service ON claims.claim (payee_npi, service_from, id, billing_npi, rendering_npi);

-- A provider's claims by date of service, with the payee NPI to keep only the visible ones.
DROP INDEX claims.claim_billing_service;
CREATE INDEX claim_billing_service ON claims.claim (billing_npi, service_from, id, payee_npi);
CREATE INDEX claim_rendering_service ON claims.claim (rendering_npi, service_from, id, payee_npi);

-- A payee's claims in a status, and by billed amount.
CREATE INDEX claim_payee_status ON claims.claim (payee_npi, status, service_from, id);
CREATE INDEX claim_payee_billed ON claims.claim (payee_npi, total_billed);

-- The claims that corrected or voided a claim: its adjustment history.
CREATE INDEX claim_original ON claims.claim (original_claim_number);
