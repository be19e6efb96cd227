using System.Collections.Concurrent;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// The installed embedders, each loaded once on first use and shared by every worker and page.
/// A model that is missing or broken is listed in <see cref="LoadErrors"/> with its full path
/// instead of taking the app down. Task-specific embedders trained in the app are added with <see cref="Register"/>.
/// </summary>
public sealed class EmbedderRegistry : IEmbedderRegistry, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IEmbedder>> _embedders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmbedderInfo> _infos = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _errors = [];
    private readonly ILogger<EmbedderRegistry> _logger;

    public EmbedderRegistry(IOptions<ModelsOptions> options, ILogger<EmbedderRegistry> logger)
    {
        _logger = logger;
        var directory = AppPaths.Resolve(options.Value.Directory);
        TryAdd(() => MiniLm(directory, options.Value.IntraOpThreads));
        TryAdd(() => Glove(directory));
    }

    public IReadOnlyList<EmbedderInfo> Installed => _infos.Values.OrderBy(i => i.IsGeneral ? 0 : 1).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> LoadErrors => _errors.ToList();

    public IEmbedder Get(string id)
    {
        if (!_embedders.TryGetValue(id, out var lazy))
        {
            throw new UnknownEmbedderException(id, _infos.Keys.Order());
        }

        return lazy.Value;
    }

    public IWordLevelEmbedder? GetWordLevel(string id) => Get(id) as IWordLevelEmbedder;

    public void Register(IEmbedder embedder)
    {
        _infos[embedder.Info.Id] = embedder.Info;
        _embedders[embedder.Info.Id] = new Lazy<IEmbedder>(embedder);
    }

    private void TryAdd(Func<(EmbedderInfo Info, Func<IEmbedder> Load)> describe)
    {
        try
        {
            var (info, load) = describe();
            _infos[info.Id] = info;
            _embedders[info.Id] = new Lazy<IEmbedder>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _logger.LogError("{Problem}", ex.Message);
            _errors.Add(ex.Message);
        }
    }

    private static (EmbedderInfo, Func<IEmbedder>) MiniLm(string models, int threads)
    {
        var folder = ModelLayout.MiniLmDirectory(models);
        var model = RequireFile(Path.Combine(folder, "model.onnx"));
        var vocab = RequireFile(Path.Combine(folder, "vocab.txt"));
        var info = new EmbedderInfo(ModelLayout.MiniLmId, "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384,
            new FileInfo(model).Length, Sha256Cached(model), $"npm {AssetManifest.MiniLm.Spec} → ONNX", AssetManifest.MiniLm.License);
        return (info, () => new OnnxSentenceEncoder(model, vocab, info, threads));
    }

    private static (EmbedderInfo, Func<IEmbedder>) Glove(string models)
    {
        var file = RequireFile(ModelLayout.GloveFile(models));
        var info = new EmbedderInfo(ModelLayout.GloveId, "GloVe 6B 100d", EmbedderKind.StaticWordVectors, 100,
            new FileInfo(file).Length, Sha256Cached(file), $"npm {AssetManifest.Glove.Spec}", AssetManifest.Glove.License);
        return (info, () => new StaticWordEmbedder(WordVectors.Load(file), info));
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Model file not found: {Path.GetFullPath(path)} (run set-up: see README).", path);

    /// <summary>The file's SHA-256, computed once and kept beside it (hashing 90 MB at every start is wasteful).</summary>
    private static string Sha256Cached(string path)
    {
        var sidecar = path + ".sha256";
        if (File.Exists(sidecar) && File.GetLastWriteTimeUtc(sidecar) >= File.GetLastWriteTimeUtc(path))
        {
            return File.ReadAllText(sidecar).Trim();
        }

        var sha = NpmAssetFetcher.Sha256Async(path).GetAwaiter().GetResult();
        File.WriteAllText(sidecar, sha);
        return sha;
    }

    public void Dispose()
    {
        foreach (var lazy in _embedders.Values.Where(l => l.IsValueCreated))
        {
            (lazy.Value as IDisposable)?.Dispose();
        }
    }
}
