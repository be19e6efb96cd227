using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Jobs;

/// <summary>A finished projection: the gzipped points and what the page says about them.</summary>
/// <param name="ChurnGzip">The neighbour churn against the comparison embedder, when the request named one.</param>
public sealed record ProjectionCompletion(byte[] PointsGzip, int TotalItems, int Missing, double EmbedSeconds, double ProjectSeconds, string FiguresJson, byte[]? ChurnGzip = null) : JobCompletion("Done");

/// <summary>Projections in the job framework.</summary>
public sealed class ProjectionLedger(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock) : JobRows<ProjectionEntity>(factory, clock)
{
    public override JobKind Kind => JobKind.Projection;

    public override async Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        if (completion is not ProjectionCompletion result) throw new ArgumentException($"A projection completes with a {nameof(ProjectionCompletion)}.", nameof(completion));
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        return await MarkDoneAsync(db, id, result.Message, s => s
            .SetProperty(p => p.PointsGzip, result.PointsGzip)
            .SetProperty(p => p.TotalItems, result.TotalItems)
            .SetProperty(p => p.Missing, result.Missing)
            .SetProperty(p => p.EmbedSeconds, result.EmbedSeconds)
            .SetProperty(p => p.ProjectSeconds, result.ProjectSeconds)
            .SetProperty(p => p.FiguresJson, result.FiguresJson)
            .SetProperty(p => p.ChurnGzip, result.ChurnGzip), cancellationToken);
    }
}
