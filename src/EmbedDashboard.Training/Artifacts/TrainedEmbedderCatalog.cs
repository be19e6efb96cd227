using System.Collections.Concurrent;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.Reduction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Training.Artifacts;

/// <summary>
/// The trained embedders on disk, registered in the shared <see cref="EmbedderRegistry"/> so every
/// experiment, probe and projection can use them like the installed models. Registered lazily: the
/// list is known at start, the weights are read on first use.
/// </summary>
public sealed class TrainedEmbedderCatalog : IRemovableEmbedders
{
    private readonly EmbedderRegistry _registry;
    private readonly int _threads;
    private readonly ILogger<TrainedEmbedderCatalog> _logger;
    private readonly ConcurrentDictionary<string, TrainedManifest> _manifests = new(StringComparer.Ordinal);
    private readonly Lock _loadGate = new();
    private volatile bool _loaded;

    public TrainedEmbedderCatalog(EmbedderRegistry registry, IOptions<ModelsOptions> options, ILogger<TrainedEmbedderCatalog> logger)
    {
        _registry = registry;
        _threads = options.Value.IntraOpThreads;
        _logger = logger;
        Store = new TrainedArtifactStore(registry.ModelsDirectory);
    }

    public TrainedArtifactStore Store { get; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<TrainedManifest> All
    {
        get
        {
            LoadAll();
            return _manifests.Values.OrderByDescending(m => m.CreatedAt).ToList();
        }
    }

    public TrainedManifest? Get(string id)
    {
        LoadAll();
        return _manifests.GetValueOrDefault(id);
    }

    /// <summary>Registers everything under models/trained once (later calls return at once).</summary>
    public void LoadAll()
    {
        if (_loaded) return;
        lock (_loadGate)
        {
            if (_loaded) return;
            var found = Store.LoadAll(out var problems);
            var all = problems.ToList();
            foreach (var (manifest, folder) in found)
            {
                try
                {
                    RegisterFrom(manifest, folder);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
                {
                    all.Add($"{folder}: {ex.Message}");
                }
            }

            foreach (var problem in all) _logger.LogWarning("Trained embedder not loaded: {Problem}", problem);
            Problems = all;
            _loaded = true;
        }
    }

    /// <summary>Registers a newly saved embedder (replacing one with the same id).</summary>
    public void Add(TrainedManifest manifest)
    {
        LoadAll();
        _registry.Unregister(manifest.Id);
        RegisterFrom(manifest, Store.FolderOf(manifest.Id));
    }

    public bool Owns(string id) => Get(id) is not null;

    bool IRemovableEmbedders.Remove(string id) => Delete(id);

    /// <summary>PCA reductions embed through their base at run time, so the base cannot go while they exist.</summary>
    public IEnumerable<string> DependentsOf(string id) =>
        All.Where(m => m.Type == ArtifactType.PcaReduction && m.BaseEmbedderId == id).Select(m => m.Id);

    public bool Delete(string id)
    {
        _registry.Unregister(id);
        _manifests.TryRemove(id, out _);
        return Store.Delete(id);
    }

    private void RegisterFrom(TrainedManifest manifest, string folder)
    {
        var main = Path.Combine(folder, manifest.MainFile);
        var info = new EmbedderInfo(manifest.Id, manifest.DisplayName, manifest.Kind, manifest.Dimension,
            File.Exists(main) ? new FileInfo(main).Length : 0, manifest.MainFileSha256,
            $"trained here: {manifest.Method}; on {manifest.Dataset} ({manifest.TrainExamples:N0} training examples)", manifest.License)
        {
            BaseEmbedderId = manifest.BaseEmbedderId,
        };
        _registry.Register(info, LoaderFor(manifest, folder, info));
        _manifests[manifest.Id] = manifest;
    }

    private Func<IEmbedder> LoaderFor(TrainedManifest manifest, string folder, EmbedderInfo info) => manifest.Type switch
    {
        ArtifactType.EmbeddingTable => () =>
        {
            var words = File.ReadAllLines(Path.Combine(folder, TableFiles.Words));
            var vocabulary = new FastTextVocabulary(words, manifest.Buckets, manifest.WordBigrams, manifest.Subwords, manifest.MaxWordsPerText);
            var table = FloatFile.Read(Path.Combine(folder, manifest.MainFile), (long)vocabulary.Rows * manifest.Dimension);
            return new TrainedTableEmbedder(vocabulary, table, info);
        },
        ArtifactType.OnnxEncoder => () => new OnnxSentenceEncoder(Path.Combine(folder, ModelLayout.OnnxFileName), Path.Combine(folder, ModelLayout.VocabFileName), info, _threads, _registry.SharedCache),
        ArtifactType.PcaReduction => () =>
        {
            var baseId = manifest.BaseEmbedderId ?? throw new InvalidDataException($"{folder}: a PCA reduction needs its base embedder id.");
            var baseDimension = (int)(new FileInfo(Path.Combine(folder, manifest.MainFile)).Length / sizeof(float) / (manifest.Dimension + 1));
            var values = FloatFile.Read(Path.Combine(folder, manifest.MainFile), (long)(manifest.Dimension + 1) * baseDimension);
            var mean = values[..baseDimension];
            var components = Enumerable.Range(0, manifest.Dimension).Select(c => values.AsSpan((c + 1) * baseDimension, baseDimension).ToArray()).ToArray();
            return new PcaReducedEmbedder(() => _registry.Get(baseId), new PcaModel(mean, components, []), info);
        },
        ArtifactType.TaggerTable => () => Tagger.TaggerTableEmbedder.From(Tagger.TaggerTable.Load(folder), info),
        _ => throw new InvalidOperationException($"Unknown artifact type {manifest.Type}."),
    };
}

/// <summary>File names inside a trained embedder's folder.</summary>
public static class TableFiles
{
    public const string Table = "table.bin";
    public const string Words = "words.txt";
    public const string Pca = "pca.bin";
}
