-- Finding claims by the patient's name, ignoring case, accents and punctuation, by the start of
-- any word of the name ("mar" finds Mary and Marquez). A trigram index on the name in its search
-- form, led by the payee NPI so that a search reads only the postings of the payees the user
-- holds, whatever the number of claims on file.
--
-- The extensions go to the portico schema, shared by every module; both are trusted, so the
-- database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA portico;
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA portico;

-- The name as searched: lower case, without accents or apostrophes, words separated by single
-- spaces, with a space before each word. It matches org.portico.platform.SearchText for the
-- names on file.
CREATE FUNCTION claims.patient_search_name(first_name varchar, last_name varchar) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT ' ' || btrim(regexp_replace(lower(translate(
		replace(replace(first_name || ' ' || last_name, '''', ''), '’', ''),
		'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ',
		'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy')), '[^a-z0-9]+', ' ', 'g'))
$$;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX claim_payee_patient_name ON claims.claim
	USING gin (payee_npi, claims.patient_search_name(patient_first_name, patient_last_name) portico.gin_trgm_ops);

-- A provider's claims are nearly all paid to one payee: told so, the planner expects a search by
-- billing or rendering NPI among the user's payee NPIs to find as many claims as the NPI has,
-- and reads them from the NPI's index in date order instead of sorting them all.
CREATE STATISTICS claims.claim_billing_payee (dependencies) ON billing_npi, payee_npi FROM claims.claim;
CREATE STATISTICS claims.claim_rendering_payee (dependencies) ON rendering_npi, payee_npi FROM claims.claim;
ANALYZE claims.claim;
