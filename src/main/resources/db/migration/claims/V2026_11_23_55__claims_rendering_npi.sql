-- Reports count a provider's claims whether the provider billed, rendered or was paid for
-- them; the rendering NPI needs an index of its own, as the billing and payee NPIs have.
CREATE INDEX claim_rendering_service ON claims.claim (rendering_npi, service_from);
