using EmbedDashboard.Cli.Commands;

// embeddash <verb>: the same services as the web app, in the foreground.
return args.FirstOrDefault() switch
{
    "setup" => await SetupCommand.RunAsync(),
    "bench" => await BenchCommand.RunAsync(args[1..]),
    "run" => await RunCommand.RunAsync(args[1..]),
    "import" => await ImportCommand.RunAsync(args[1..]),
    "models" => await ModelsCommand.RunAsync(args[1..]),
    "train" => await TrainCommand.RunAsync(args[1..]),
    "layers" => await LayersCommand.RunAsync(args[1..]),
    "churn" => await ChurnCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: embeddash <command>
          setup               fetch and convert models and built-in datasets (idempotent)
          bench [--n 1000] [--repeat 3] [--nbits] [--per-token] [--no-training]   sentences/s at batch sizes 1, 8, 32, 128 (MiniLM fp32 vs int8, GloVe), STS ρ, training
          bench --store [--n 20000]   embedding store file vs SQLite: write, reopen, random read
          import <file> [--test TESTFILE] [--format F] [--name N]   import a dataset (with a held-out test file)
          run <spec.json>     run an experiment from a JSON spec and print the results table
          models add PATH --name NAME [--task-specific] [--pooling mean|cls|max] [--max-tokens N]
                 [--query-prefix TEXT] [--passage-prefix TEXT] [--source TEXT] [--licence TEXT]
          models list | models remove ID
          layers <spec.json>  layer analysis ({"embedder": id, "dataset": name, "maxItems": n}): `layer <i> <metric> <value>` per layer
          churn <spec.json>   neighbour churn ({"dataset": name, "embedder": id, "compareWith": id, "k": 10, "maxPoints": 1000}): mean overlap, histogram, items that move most, their errors
          train <spec.json>   run one training job (TrainingRequest with "dataset": name) and print the new embedder ids
        """);
    return 2;
}
