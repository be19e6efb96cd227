using System.Collections.Concurrent;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Core.Tests.Jobs;

public sealed class JobProgressTests
{
    private static readonly JobKey Job = new(JobKind.Training, 1);

    private static (JobProgress Progress, FakeLedger Ledger, ConcurrentQueue<JobUpdate> Updates) Create(TimeSpan saveDelay = default)
    {
        var ledger = new FakeLedger(JobKind.Training).Queued(1);
        ledger.TryClaimAsync(1, CancellationToken.None).GetAwaiter().GetResult();
        ledger.SaveDelay = saveDelay;
        var hub = new JobHub();
        var updates = new ConcurrentQueue<JobUpdate>();
        hub.Subscribe(updates.Enqueue);
        return (new JobProgress(Job, 7, hub, ledger), ledger, updates);
    }

    [Fact]
    public async Task Report_ThousandTicksThenFlush_ThrottledAndTheLastTickSaved()
    {
        var (progress, ledger, updates) = Create();

        for (var i = 1; i <= 1000; i++) progress.Report(i / 1000.0, $"step {i}");
        await progress.FlushAsync();

        // Throttled: a thousand ticks in a tight loop give a handful of page updates and saves, not a thousand.
        Assert.InRange(updates.Count, 1, 100);
        Assert.InRange(ledger.Saved.Count, 1, 100);
        // Never lost: the flush saved the last tick, not just the first of its throttle window.
        Assert.Equal("step 1000", ledger.Saved.Last().Message);
        Assert.Equal(1.0, ledger.Saved.Last().Fraction);
        Assert.All(updates, u => Assert.Equal(7, u.GroupId));
    }

    [Fact]
    public async Task Report_SlowDatabase_SavesOneAtATimeLatestWins()
    {
        var (progress, ledger, _) = Create(saveDelay: TimeSpan.FromMilliseconds(30));

        for (var i = 1; i <= 20; i++) progress.Report(i / 20.0, $"step {i}", force: true);
        await progress.FlushAsync();

        Assert.Equal(1, ledger.MaxConcurrentSaves);
        // Reports made while a save was in flight replaced each other: fewer saves than reports, the last one kept.
        Assert.InRange(ledger.Saved.Count, 1, 19);
        Assert.Equal("step 20", ledger.Saved.Last().Message);
    }

    [Fact]
    public async Task Report_WithDetail_PageGetsNewPartStoreGetsWhole()
    {
        var (progress, ledger, updates) = Create();
        var detail = new CountingDetail();
        progress.Detail = detail;

        detail.Add(); detail.Add();
        progress.Report(0.1, "a", force: true);
        detail.Add();
        progress.Report(0.2, "b", force: true);
        await progress.FlushAsync();

        Assert.Equal([2, 1], updates.Select(u => (int)u.Detail!));
        Assert.Equal("3", ledger.Saved.Last().DetailJson);
    }

    [Fact]
    public void Eta_HalfDoneAfterTenSeconds_TenSecondsLeft()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), JobProgress.Eta(0.5, TimeSpan.FromSeconds(10)));
        Assert.Null(JobProgress.Eta(0.01, TimeSpan.FromSeconds(10)));
    }

    private sealed class CountingDetail : JobProgressDetail
    {
        private int _new, _total;

        public void Add()
        {
            _new++;
            _total++;
        }

        public override object? TakeForPage()
        {
            var n = _new;
            _new = 0;
            return n;
        }

        public override string? ForStore() => _total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
