using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Layers;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Layers;

/// <summary>
/// What the page and the CLI call: ask for a layer analysis (answered from the SQLite cache when the same models, dataset
/// and sample were analysed before with the same model files and data, otherwise queued for the background worker),
/// follow it, read the curves, cancel.
/// </summary>
public sealed class LayerAnalysisService(IEmbedderRegistry registry, DatasetStore datasets, LayerAnalysisStore store, JobQueue queue, JobRunner jobs)
{
    /// <summary>Transformer encoders (built-in, imported, fine-tuned) with the relatives an analysis compares them with.</summary>
    public IReadOnlyList<LayerCandidate> Candidates()
    {
        var installed = registry.Installed;
        return installed.Where(IsEncoder).Select(e => new LayerCandidate(e.Id, e.DisplayName, Relatives(e, installed))).ToList();
    }

    public async Task<LayerAnalysisStatus> RequestAsync(LayerAnalysisRequest request, CancellationToken cancellationToken = default)
    {
        var problems = request.Validate();
        if (problems.Count > 0) throw new LayerAnalysisRequestException(string.Join(" ", problems));
        var dataset = await datasets.FindAsync(request.DatasetId, cancellationToken) ?? throw new LayerAnalysisRequestException($"Dataset {request.DatasetId} does not exist.");
        var installed = registry.Installed;
        var info = installed.FirstOrDefault(e => e.Id == request.EmbedderId) ?? throw new LayerAnalysisRequestException($"Unknown embedder '{request.EmbedderId}'.");
        if (!IsEncoder(info)) throw new LayerAnalysisRequestException($"'{info.DisplayName}' is not a transformer encoder; only BERT encoders have layers to analyse.");

        // Base first: weight change and CKA are measured against models[0].
        var models = request.WithRelatives ? Relatives(info, installed) : [info.Id];
        var shas = models.Select(id => installed.First(e => e.Id == id).ModelFileSha256);
        var modelSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', shas))));
        var key = LayerAnalysisRequest.Key(request.MaxItems, request.Seed, models);
        var cached = await store.FindAsync(info.Id, dataset.Id, key, modelSha, dataset.ContentSha256, cancellationToken);
        if (cached is not null) return LayerAnalysisStatus.From(cached);

        var created = await store.CreateAsync(new LayerAnalysisEntity
        {
            EmbedderId = info.Id,
            DatasetId = dataset.Id,
            ParamsKey = key,
            ModelSha256 = modelSha,
            DatasetSha256 = dataset.ContentSha256,
            ProgressMessage = "Queued",
        }, cancellationToken);
        queue.Enqueue(JobKind.LayerAnalysis, created.Id);
        return LayerAnalysisStatus.From(created);
    }

    public async Task<LayerAnalysisStatus?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) is { } e ? LayerAnalysisStatus.From(e) : null;

    /// <summary>The finished analysis; null when it is not done.</summary>
    public async Task<LayerAnalysisView?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var e = await store.GetAsync(id, cancellationToken);
        if (e is not { Status: RunStatus.Done, ResultJson: { } json }) return null;
        var dataset = await datasets.FindAsync(e.DatasetId, cancellationToken);
        return new LayerAnalysisView(e.Id, e.EmbedderId, e.DatasetId, dataset?.Name ?? $"dataset {e.DatasetId}",
            JsonSerializer.Deserialize<LayerAnalysisResult>(json)!, TimeSpan.FromSeconds(e.ElapsedSeconds));
    }

    public Task<bool> CancelAsync(int id, CancellationToken cancellationToken = default) => jobs.CancelAsync(new JobKey(JobKind.LayerAnalysis, id), cancellationToken);

    private static bool IsEncoder(EmbedderInfo e) => e.Profile is not null || e.Kind is EmbedderKind.SentenceEncoder or EmbedderKind.FineTunedEncoder;

    /// <summary>A fine-tuned encoder with its base: [base, it]; a base: [it, its fine-tuned descendants by id].</summary>
    private static List<string> Relatives(EmbedderInfo info, IReadOnlyList<EmbedderInfo> installed)
    {
        if (info.Kind == EmbedderKind.FineTunedEncoder && info.BaseEmbedderId is { } baseId && installed.Any(e => e.Id == baseId)) return [baseId, info.Id];
        return [info.Id, .. installed.Where(e => e.Kind == EmbedderKind.FineTunedEncoder && e.BaseEmbedderId == info.Id).Select(e => e.Id).Order(StringComparer.Ordinal)];
    }
}
