// The tests start the portal and its tools the way a Debian server runs them.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
