using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EmbedDashboard.Data.Jobs;

/// <summary>A finished training job: its loss curve, figures and the ids of the embedders it produced.</summary>
public sealed record TrainingCompletion(string? Message, string CurveJson, string ResultJson, IReadOnlyList<string> ProducedEmbedderIds) : JobCompletion(Message);

/// <summary>Training jobs in the job framework; the progress detail is the loss curve so far.</summary>
public sealed class TrainingLedger(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock) : JobRows<TrainingJobEntity>(factory, clock)
{
    public override JobKind Kind => JobKind.Training;

    protected override void SetDetail(UpdateSettersBuilder<TrainingJobEntity> setters, string detailJson) => setters.SetProperty(j => j.CurveJson, detailJson);

    public override async Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        if (completion is not TrainingCompletion result) throw new ArgumentException($"A training job completes with a {nameof(TrainingCompletion)}.", nameof(completion));
        var ids = string.Join(',', result.ProducedEmbedderIds);
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        return await MarkDoneAsync(db, id, result.Message, s => s
            .SetProperty(j => j.CurveJson, result.CurveJson)
            .SetProperty(j => j.ResultJson, result.ResultJson)
            .SetProperty(j => j.ProducedEmbedderIds, ids), cancellationToken);
    }
}
