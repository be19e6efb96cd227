using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Jobs;

/// <summary>A finished run's result: its metrics, reproducibility and cost records, and the evaluator's notes (the message).</summary>
/// <param name="Items">The primary metric's per-item outcomes, when the task produced them.</param>
public sealed record RunCompletion(string? Notes, IReadOnlyList<MetricValue> Metrics, string ReproJson, string EfficiencyJson, ItemOutcomes? Items = null) : JobCompletion(Notes);

/// <summary>Runs in the job framework; a run is grouped under its experiment.</summary>
public sealed class RunLedger(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock) : JobRows<RunEntity>(factory, clock)
{
    public override JobKind Kind => JobKind.Run;

    public override async Task<int?> GroupOfAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Id == id).Select(r => (int?)r.ExperimentId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Done and the metrics in one transaction; false when the run is no longer running (the user's cancel wins).</summary>
    public override async Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        if (completion is not RunCompletion result) throw new ArgumentException($"A run completes with a {nameof(RunCompletion)}.", nameof(completion));
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = result.Items is null ? null : Stores.GzipJson.Serialize(result.Items);
        if (!await MarkDoneAsync(db, id, result.Notes, s => s
                .SetProperty(r => r.ItemOutcomesGzip, items)
                .SetProperty(r => r.ReproJson, result.ReproJson)
                .SetProperty(r => r.EfficiencyJson, result.EfficiencyJson), cancellationToken))
        {
            return false;
        }

        await db.Metrics.Where(m => m.RunId == id).ExecuteDeleteAsync(cancellationToken);
        db.Metrics.AddRange(result.Metrics.Select(m => new MetricEntity
        {
            RunId = id,
            Name = m.Name,
            Value = m.Value,
            Std = m.Std,
            IsPrimary = m.IsPrimary,
            ValuesJson = m.Values is null ? null : System.Text.Json.JsonSerializer.Serialize(m.Values),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
