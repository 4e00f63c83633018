"""The parts of ``chronik.app``'s ``Chronik``, which delegates to them: the state it holds
(``workspace``), the counts of an ingest (``report``), analysing one input
(``analysing``), the ingest path (``ingesting``), the story engine over a store
(``engine``), reading (``reading``), corrections by hand (``corrections``) and polling
feeds (``feeds``). Private: ``chronik.app`` is the API."""
