// One Chromium serves every browser test; running them one after another keeps a 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
