"""The command line. Commands are loaded lazily so `icp-coach --help` stays fast."""
