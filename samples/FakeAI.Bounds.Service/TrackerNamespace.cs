// The service's source compiles against either set of sample trackers, which share their public member names. This
// project uses the bounded ones; the copy wired to the unbounded trackers (samples/FakeAI.Bounds.Service.Unbounded)
// compiles the same files with its own version of this one.
global using FakeAI.Bounds.Samples;
