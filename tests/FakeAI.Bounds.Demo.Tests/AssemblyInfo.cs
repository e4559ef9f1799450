using Xunit;

// The end-to-end tests measure the process-wide managed heap; other tests allocating at the same time would blur it.
// Every test here takes milliseconds except those, so running one at a time costs little.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
