// libtorch keeps process-wide state (thread pools, the autograd engine, native scalars handed across
// the interop boundary); one CI run saw a corrupted Scalar in AdamW while two test classes trained in
// parallel. Training in the app runs one job at a time on one worker, so the tests do the same.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
