using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>One run to create, with the embedder's facts as they are now (frozen into the run).</summary>
public sealed record RunPlan(int DatasetId, string EmbedderId)
{
    public string? EmbedderName { get; init; }
    public bool? EmbedderIsGeneral { get; init; }
    public string? EmbedderKind { get; init; }
    public int? EmbedderDimension { get; init; }
    public string? BaseEmbedderId { get; init; }
}

public sealed class ExperimentStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>Creates the experiment and one queued run per (dataset, embedder) in one transaction.</summary>
    public async Task<ExperimentEntity> CreateAsync(string name, string specJson, IReadOnlyList<RunPlan> runs, CancellationToken cancellationToken = default)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("An experiment needs at least one dataset and one embedder.", nameof(runs));
        }

        var now = clock.GetUtcNow();
        var experiment = new ExperimentEntity
        {
            Name = name,
            SpecJson = specJson,
            CreatedAt = now,
            Runs = runs.Select(r => new RunEntity
            {
                DatasetId = r.DatasetId,
                EmbedderId = r.EmbedderId,
                EmbedderName = r.EmbedderName,
                EmbedderIsGeneral = r.EmbedderIsGeneral,
                EmbedderKind = r.EmbedderKind,
                EmbedderDimension = r.EmbedderDimension,
                BaseEmbedderId = r.BaseEmbedderId,
                Status = RunStatus.Queued,
                QueuedAt = now,
            }).ToList(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);
        return experiment;
    }

    /// <summary>Experiments newest first, with their runs (no metrics) for the list page.</summary>
    public async Task<IReadOnlyList<ExperimentEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking()
            .Include(e => e.Runs).ThenInclude(r => r.Dataset)
            .OrderByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One experiment with runs, their datasets and all metrics: what the result page shows.</summary>
    public async Task<ExperimentEntity?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking()
            .Include(e => e.Runs).ThenInclude(r => r.Dataset)
            .Include(e => e.Runs).ThenInclude(r => r.Metrics)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }
}
