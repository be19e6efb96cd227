using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Import.Encoders;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Import;

/// <summary>
/// Models users brought (Models page, `embeddash models add`): imported into models/imported/&lt;id&gt;/ and
/// registered in the shared <see cref="EmbedderRegistry"/> so every experiment, probe, projection and training
/// job can use them. Registered again at every start (lazily: weights are read on first use). An import that
/// fails leaves nothing behind and registers nothing.
/// </summary>
public sealed class ImportedModelCatalog : IRemovableEmbedders
{
    private readonly EmbedderRegistry _registry;
    private readonly ModelsOptions _options;
    private readonly ILogger<ImportedModelCatalog> _logger;
    private readonly ConcurrentDictionary<string, ImportedManifest> _manifests = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly Lock _loadGate = new();
    private volatile bool _loaded;

    public ImportedModelCatalog(EmbedderRegistry registry, IOptions<ModelsOptions> options, ILogger<ImportedModelCatalog> logger)
    {
        _registry = registry;
        _options = options.Value;
        _logger = logger;
        Store = new ImportedModelStore(registry.ModelsDirectory);
    }

    public ImportedModelStore Store { get; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<ImportedManifest> All
    {
        get
        {
            LoadAll();
            return _manifests.Values.OrderByDescending(m => m.ImportedAt).ToList();
        }
    }

    public ImportedManifest? Get(string id)
    {
        LoadAll();
        return _manifests.GetValueOrDefault(id);
    }

    public bool Owns(string id) => Get(id) is not null;

    /// <summary>Registers everything under models/imported once (later calls return at once).</summary>
    public void LoadAll()
    {
        if (_loaded) return;
        lock (_loadGate)
        {
            if (_loaded) return;
            var found = Store.LoadAll(out var problems);
            foreach (var (manifest, folder) in found)
            {
                Register(manifest, folder);
            }

            foreach (var problem in problems) _logger.LogWarning("Imported model not loaded: {Problem}", problem);
            Problems = problems;
            _loaded = true;
        }
    }

    /// <summary>
    /// Imports a folder, a word-vectors file or a .zip. Everything is checked and converted in a temporary folder
    /// first; only a model that embeds a test sentence is moved into place and registered.
    /// </summary>
    public async Task<ImportedManifest> ImportAsync(ModelImportRequest request, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        LoadAll();
        var problems = request.Validate();
        if (problems.Count > 0) throw new ModelImportException(string.Join(" ", problems));
        var name = request.DisplayName.Trim();
        RequireNameFree(name);
        var source = Path.GetFullPath(request.Path);
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            throw new ModelImportException($"Nothing to import at {source}.");
        }

        var build = Store.NewBuildFolder();
        var unpacked = Path.Combine(Path.GetTempPath(), "embeddash-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = source;
            if (File.Exists(source) && SafeZip.IsZip(source))
            {
                log?.Report($"Unpacking {Path.GetFileName(source)}…");
                input = SafeZip.Extract(source, unpacked, _options.MaxImportBytes, maxEntries: 10_000, cancellationToken);
            }

            // What the user named (the .zip, not where it was unpacked), unless the caller says how the files came (an upload).
            var described = request with { ImportedFrom = request.ImportedFrom ?? source };
            var manifest = await Task.Run(() => Build(input, build, described, name, log, cancellationToken), cancellationToken);
            if (input != source) manifest = manifest with { SourceFiles = [ImportedModelStore.Describe(source)] }; // the .zip the user gave
            await _commitGate.WaitAsync(cancellationToken);
            try
            {
                RequireNameFree(name); // another import may have taken it meanwhile
                manifest = manifest with { Id = NewId(name) };
                manifest = Store.Commit(build, manifest);
            }
            finally
            {
                _commitGate.Release();
            }

            Register(manifest, Store.FolderOf(manifest.Id));
            _logger.LogInformation("Imported model {Id} ({Name}) from {From}", manifest.Id, manifest.DisplayName, manifest.ImportedFrom);
            return manifest;
        }
        finally
        {
            ImportedModelStore.TryDelete(build);
            ImportedModelStore.TryDelete(unpacked);
        }
    }

    public bool Remove(string id)
    {
        if (!_manifests.TryRemove(id, out _)) return false;
        _registry.Unregister(id);
        return Store.Delete(id);
    }

    private ImportedManifest Build(string input, string build, ModelImportRequest request, string name, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var from = request.ImportedFrom ?? input;
        var sourceFiles = SourceFiles(input);
        if (Directory.Exists(input) && BertFolder.LooksLikeOne(input))
        {
            var folder = BertFolder.Inspect(input, new EncoderOverrides(request.Pooling, request.MaxTokens, request.QueryPrefix, request.PassagePrefix));
            var built = BertFolderImporter.Build(folder, build, log, cancellationToken);
            return Manifest(request, name, from, ImportedFormat.BertEncoder, built.Dimension, ModelLayout.OnnxFileName, sourceFiles) with
            {
                Profile = folder.Profile,
                Conversion = built.WeightsNote,
                ConversionSeconds = built.ExportSeconds,
                Notes = folder.Notes,
            };
        }

        var vectorsFile = Directory.Exists(input) ? SingleVectorsFile(input) : input;
        if (request.Pooling is not null || request.MaxTokens is not null || !string.IsNullOrEmpty(request.QueryPrefix) || !string.IsNullOrEmpty(request.PassagePrefix))
        {
            throw new ModelImportException("Pooling, max tokens and prefixes apply to encoders; word vectors are averaged over a text's words.");
        }

        log?.Report($"Reading word vectors from {Path.GetFileName(vectorsFile)}…");
        var watch = Stopwatch.StartNew();
        var read = WordVectorImport.Read(vectorsFile, _options.MaxImportBytes, log, cancellationToken);
        read.Vectors.Save(Path.Combine(build, ModelLayout.GloveFileName));
        return Manifest(request, name, from, ImportedFormat.WordVectors, read.Vectors.Dimension, ModelLayout.GloveFileName, sourceFiles) with
        {
            Conversion = $"{Path.GetFileName(vectorsFile)} ({read.FormatName}) converted to the project's binary vector format",
            ConversionSeconds = watch.Elapsed.TotalSeconds,
            Words = read.Vectors.Count,
            Notes = read.Notes,
        };
    }

    private static ImportedManifest Manifest(ModelImportRequest request, string name, string from, ImportedFormat format, int dimension, string mainFile, IReadOnlyList<ImportedFile> sourceFiles) => new()
    {
        Id = "",
        DisplayName = name,
        Format = format,
        IsGeneral = !request.TaskSpecific,
        Dimension = dimension,
        MainFile = mainFile,
        MainFileSha256 = "",
        Source = request.Source?.Trim() ?? "",
        License = request.License?.Trim() ?? "",
        ImportedFrom = from,
        ImportedAt = DateTimeOffset.UtcNow,
        SourceFiles = sourceFiles,
    };

    private static string SingleVectorsFile(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        return files.Count == 1
            ? files[0]
            : throw new ModelImportException(files.Count == 0
                ? "The folder is empty."
                : $"The folder has no config.json (so it is not an encoder) and {files.Count} files: give one word-vectors file (GloVe or word2vec text, word2vec binary, optionally gzip-compressed).");
    }

    /// <summary>What the user brought, hashed (top-level files and one level down; enough for HF layouts).</summary>
    private static IReadOnlyList<ImportedFile> SourceFiles(string input)
    {
        if (File.Exists(input)) return [ImportedModelStore.Describe(input)];
        return Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
            .Order(StringComparer.Ordinal)
            .Select(f => ImportedModelStore.Describe(f) with { Name = Path.GetRelativePath(input, f) })
            .ToList();
    }

    private void RequireNameFree(string name)
    {
        var taken = _registry.Installed.FirstOrDefault(e => string.Equals(e.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
        {
            throw new ModelImportException($"The name '{name}' is already taken by {taken.Id}; choose another display name.");
        }
    }

    /// <summary>A readable id from the name ("My BioBERT" → "my-biobert"), made unique against every installed id.</summary>
    private string NewId(string name)
    {
        var slug = Slug(name);
        var ids = _registry.Installed.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var id = slug;
        for (var n = 2; ids.Contains(id) || Directory.Exists(Store.FolderOf(id)); n++)
        {
            id = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return id;
    }

    internal static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            // Letters of any script stay (a folder name and a URL segment take them); everything else separates.
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 48) slug = slug[..48].TrimEnd('-');
        return slug.Length == 0 ? "imported" : slug;
    }

    private void Register(ImportedManifest manifest, string folder)
    {
        var main = Path.Combine(folder, manifest.MainFile);
        var info = new EmbedderInfo(manifest.Id, manifest.DisplayName, manifest.Kind, manifest.Dimension,
            File.Exists(main) ? new FileInfo(main).Length : 0, manifest.MainFileSha256,
            $"imported {manifest.ImportedAt:yyyy-MM-dd} from {manifest.ImportedFrom}{(manifest.Source.Length > 0 ? $"; {manifest.Source}" : "")}",
            manifest.License.Length > 0 ? manifest.License : "not stated")
        {
            IsGeneral = manifest.IsGeneral,
            Profile = manifest.Profile,
            Origin = EmbedderOrigin.Imported,
        };
        Func<IEmbedder> load = manifest.Format switch
        {
            ImportedFormat.BertEncoder => () => new OnnxSentenceEncoder(main, Path.Combine(folder, ModelLayout.VocabFileName), info, _options.IntraOpThreads, _registry.SharedCache),
            _ => () => new StaticWordEmbedder(WordVectors.Load(main), info),
        };
        _registry.Register(info, load);
        _manifests[manifest.Id] = manifest;
    }
}
