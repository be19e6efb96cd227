using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// The installed embedders, each loaded once on first use and shared by every worker and page (one
/// ONNX session, one copy of the GloVe matrix). A model that is missing or broken is listed in
/// <see cref="LoadErrors"/> with its full path instead of taking the app down, and is looked for again
/// on later calls (so models installed after start — e.g. by set-up still running — appear without a
/// restart). Task-specific embedders trained in the app are added with <see cref="Register"/>.
/// </summary>
public sealed class EmbedderRegistry : IEmbedderRegistry, IDisposable
{
    private readonly string _models;
    private readonly int _threads;
    private readonly EmbeddingCache? _cache;
    private readonly ILogger<EmbedderRegistry> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _discoveryErrors = new(StringComparer.Ordinal);
    private readonly List<string> _loadErrors = [];

    /// <param name="cache">The app's shared embedding cache (with its on-disk store); null = each encoder keeps a private in-memory one.</param>
    public EmbedderRegistry(IOptions<ModelsOptions> options, ILogger<EmbedderRegistry> logger, EmbeddingCache? cache = null)
    {
        _cache = cache;
        _models = AppPaths.Resolve(options.Value.Directory);
        _threads = options.Value.IntraOpThreads;
        _logger = logger;
        Discover();
    }

    /// <summary>The cache (and on-disk store) every encoder the app loads shares; null = each keeps a private one.</summary>
    public EmbeddingCache? SharedCache => _cache;

    /// <summary>The resolved models directory.</summary>
    public string ModelsDirectory => _models;

    public IReadOnlyList<EmbedderInfo> Installed
    {
        get
        {
            Discover();
            lock (_lock)
            {
                return _entries.Values.Select(e => e.Info)
                    .OrderBy(i => i.IsGeneral ? 0 : 1).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    public IReadOnlyList<string> LoadErrors
    {
        get
        {
            Discover();
            lock (_lock)
            {
                return [.. _discoveryErrors.Values, .. _loadErrors];
            }
        }
    }

    public IEmbedder Get(string id)
    {
        Discover();
        Entry? entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out entry))
            {
                throw new UnknownEmbedderException(id, _entries.Keys.Order(StringComparer.Ordinal).ToList());
            }
        }

        try
        {
            return entry.Embedder.Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Lazy<T> caches the exception, so this is recorded once per embedder and rethrown on each Get.
            var message = $"Loading '{id}' failed: {ex.Message}";
            lock (_lock)
            {
                if (!_loadErrors.Contains(message))
                {
                    _loadErrors.Add(message);
                    _logger.LogError(ex, "{Problem}", message);
                }
            }

            throw new InvalidOperationException(message, ex);
        }
    }

    public IWordLevelEmbedder? GetWordLevel(string id) => Get(id) as IWordLevelEmbedder;

    /// <summary>Adds (or replaces) an embedder, e.g. a task-specific one trained in the app. Built-in ids cannot be replaced.</summary>
    public void Register(IEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        lock (_lock)
        {
            if (_entries.TryGetValue(embedder.Info.Id, out var existing) && existing.BuiltIn)
            {
                throw new InvalidOperationException($"'{embedder.Info.Id}' is a built-in embedder id.");
            }

            _entries[embedder.Info.Id] = new Entry(embedder.Info, new Lazy<IEmbedder>(embedder), BuiltIn: false);
        }
    }

    /// <summary>
    /// Adds (or replaces) an embedder that is loaded on first use, e.g. a trained one found on disk
    /// at start: its description is listed at once, its weights are read only when someone embeds.
    /// </summary>
    public void Register(EmbedderInfo info, Func<IEmbedder> load)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(load);
        lock (_lock)
        {
            if (_entries.TryGetValue(info.Id, out var existing) && existing.BuiltIn)
            {
                throw new InvalidOperationException($"'{info.Id}' is a built-in embedder id.");
            }

            _entries[info.Id] = new Entry(info, new Lazy<IEmbedder>(load, LazyThreadSafetyMode.ExecutionAndPublication), BuiltIn: false);
        }
    }

    /// <summary>Removes a registered (not built-in) embedder, disposing it if it was loaded; false when there was none.</summary>
    public bool Unregister(string id)
    {
        Entry? entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out entry) || entry.BuiltIn || !_entries.Remove(id))
            {
                return false;
            }
        }

        if (entry.Embedder.IsValueCreated)
        {
            (entry.Embedder.Value as IDisposable)?.Dispose();
        }

        return true;
    }

    private sealed record Entry(EmbedderInfo Info, Lazy<IEmbedder> Embedder, bool BuiltIn);

    /// <summary>Looks for built-in models not yet found: a couple of File.Exists calls once all are there.</summary>
    private void Discover()
    {
        TryDiscover(ModelLayout.MiniLmId, DescribeMiniLm);
        TryDiscover(ModelLayout.MiniLmInt8Id, DescribeMiniLmInt8);
        TryDiscover(ModelLayout.GloveId, DescribeGlove);
        TryDiscover(ModelLayout.ArcticId, DescribeArctic);
    }

    private void TryDiscover(string id, Func<Entry> describe)
    {
        lock (_lock)
        {
            if (_entries.ContainsKey(id))
            {
                return;
            }

            try
            {
                _entries[id] = describe();
                _discoveryErrors.Remove(id);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                if (_discoveryErrors.TryGetValue(id, out var previous) && previous == ex.Message)
                {
                    return;
                }

                _discoveryErrors[id] = ex.Message;
                _logger.LogWarning("{Problem}", ex.Message);
            }
        }
    }

    private Entry DescribeMiniLm()
    {
        var model = RequireFile(ModelLayout.MiniLmModel(_models));
        var vocab = RequireFile(ModelLayout.MiniLmVocab(_models));
        var info = new EmbedderInfo(ModelLayout.MiniLmId, "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384,
            new FileInfo(model).Length, ModelFileHash.Get(model),
            $"npm {AssetManifest.MiniLm.Spec} (sentence-transformers/all-MiniLM-L6-v2), exported to ONNX here", "Apache-2.0");
        return new Entry(info, new Lazy<IEmbedder>(() => new OnnxSentenceEncoder(model, vocab, info, _threads, _cache), LazyThreadSafetyMode.ExecutionAndPublication), BuiltIn: true);
    }

    private Entry DescribeMiniLmInt8()
    {
        var model = RequireFile(ModelLayout.MiniLmInt8Model(_models));
        var vocab = RequireFile(ModelLayout.MiniLmInt8Vocab(_models));
        var info = new EmbedderInfo(ModelLayout.MiniLmInt8Id, "all-MiniLM-L6-v2 · int8", EmbedderKind.SentenceEncoder, 384,
            new FileInfo(model).Length, ModelFileHash.Get(model),
            $"{ModelLayout.MiniLmId}'s weights, linear layers quantized to int8 here (per output channel; activations dynamically)", "Apache-2.0")
        {
            BaseEmbedderId = ModelLayout.MiniLmId,
        };
        return new Entry(info, new Lazy<IEmbedder>(() => new OnnxSentenceEncoder(model, vocab, info, _threads, _cache), LazyThreadSafetyMode.ExecutionAndPublication), BuiltIn: true);
    }

    private Entry DescribeArctic()
    {
        var model = RequireFile(ModelLayout.ArcticModel(_models));
        var vocab = RequireFile(ModelLayout.ArcticVocab(_models));
        var asset = AssetManifest.Arctic;
        var info = new EmbedderInfo(ModelLayout.ArcticId, "snowflake-arctic-embed-xs", EmbedderKind.SentenceEncoder, 384,
            new FileInfo(model).Length, ModelFileHash.Get(model),
            $"NuGet {asset.Id} {asset.Version} (Snowflake/snowflake-arctic-embed-xs ONNX), extracted here", "Apache-2.0 (model); MIT (package)")
        {
            // As its sentence-transformers configuration says: CLS token, normalised, an instruction before queries only.
            Profile = new EncoderProfile(Pooling.Cls, Normalize: true, MaxTokens: 512,
                QueryPrefix: "Represent this sentence for searching relevant passages: ", PassagePrefix: "", LowerCase: true),
        };
        return new Entry(info, new Lazy<IEmbedder>(() => new OnnxSentenceEncoder(model, vocab, info, _threads, _cache), LazyThreadSafetyMode.ExecutionAndPublication), BuiltIn: true);
    }

    private Entry DescribeGlove()
    {
        var file = RequireFile(ModelLayout.GloveFile(_models));
        var info = new EmbedderInfo(ModelLayout.GloveId, "GloVe 6B 100d", EmbedderKind.StaticWordVectors, 100,
            new FileInfo(file).Length, ModelFileHash.Get(file),
            $"npm {AssetManifest.Glove.Spec} (Stanford GloVe 6B), converted here", "PDDL-1.0 (GloVe data); MIT (package)");
        return new Entry(info, new Lazy<IEmbedder>(() => new StaticWordEmbedder(WordVectors.Load(file), info), LazyThreadSafetyMode.ExecutionAndPublication), BuiltIn: true);
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Model file not found: {Path.GetFullPath(path)} (run `embeddash setup`, see README).", path);

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Values.Where(e => e.Embedder.IsValueCreated))
            {
                (entry.Embedder.Value as IDisposable)?.Dispose();
            }
        }
    }
}
