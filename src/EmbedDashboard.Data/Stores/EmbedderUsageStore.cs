using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>
/// Which queued or running work still needs an embedder: a model is never deleted from under a run, a training
/// job (its base) or a projection. Each use is named the way its page names it.
/// </summary>
public sealed class EmbedderUsageStore(IDbContextFactory<EmbedDashboardDbContext> factory)
{
    private static readonly RunStatus[] Active = [RunStatus.Queued, RunStatus.Running, RunStatus.Interrupted];

    public async Task<IReadOnlyList<string>> ActiveUsesAsync(string embedderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.EmbedderId == embedderId && Active.Contains(r.Status))
            .Select(r => new { r.Id, r.Status, Experiment = r.Experiment!.Name, Dataset = r.Dataset!.Name })
            .ToListAsync(cancellationToken);
        var jobs = await db.TrainingJobs.AsNoTracking()
            .Where(j => j.BaseEmbedderId == embedderId && Active.Contains(j.Status))
            .Select(j => new { j.Id, j.Name, j.Status })
            .ToListAsync(cancellationToken);
        // A projection also uses the embedder it compares neighbours with (named in its key: ";compare=<id>;").
        var compared = $";compare={embedderId};";
        var projections = await db.Projections.AsNoTracking()
            .Where(p => (p.EmbedderId == embedderId || p.ParamsKey.Contains(compared)) && Active.Contains(p.Status))
            .Select(p => new { p.Id, p.Method, p.Status, Dataset = p.Dataset!.Name })
            .ToListAsync(cancellationToken);
        return
        [
            .. runs.Select(r => $"run {r.Id} of experiment '{r.Experiment}' on {r.Dataset} ({r.Status})"),
            .. jobs.Select(j => $"training job '{j.Name}' (#{j.Id}, {j.Status})"),
            .. projections.Select(p => $"{p.Method} projection #{p.Id} of {p.Dataset} ({p.Status})"),
        ];
    }
}
