// This copy of the service compiles its source against the unbounded trackers (see the project file).
global using FakeAI.Bounds.Samples.Unbounded;
