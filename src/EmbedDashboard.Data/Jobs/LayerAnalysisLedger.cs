using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Jobs;

/// <summary>A finished layer analysis: the result as JSON and how long it took.</summary>
public sealed record LayerAnalysisCompletion(string ResultJson, double ElapsedSeconds) : JobCompletion("Done");

/// <summary>Layer analyses in the job framework.</summary>
public sealed class LayerAnalysisLedger(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock) : JobRows<LayerAnalysisEntity>(factory, clock)
{
    public override JobKind Kind => JobKind.LayerAnalysis;

    public override async Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        if (completion is not LayerAnalysisCompletion result) throw new ArgumentException($"A layer analysis completes with a {nameof(LayerAnalysisCompletion)}.", nameof(completion));
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        return await MarkDoneAsync(db, id, result.Message, s => s
            .SetProperty(p => p.ResultJson, result.ResultJson)
            .SetProperty(p => p.ElapsedSeconds, result.ElapsedSeconds), cancellationToken);
    }
}
