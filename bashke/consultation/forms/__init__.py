"""The consultation's forms, one module per sub-domain, as in models/, services/ and views/.
Forms read and check what a person typed; every write is the services'."""
