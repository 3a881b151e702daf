-- Finding claims by the patient's name, ignoring case, accents and punctuation, by the start of
-- any word of the name. The embedded database has no trigram index: it reads the payee's claims,
-- which is quick at the sizes it holds, through the same normalization as the rest of Portico.
CREATE ALIAS claims.patient_search_name DETERMINISTIC FOR 'org.portico.claims.PatientSearchName.of';
