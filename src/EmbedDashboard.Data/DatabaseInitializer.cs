using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies migrations, switches the file to WAL (readers never block the runner's writes, and a
    /// committed result survives a crash), and marks runs that were going when the app last stopped.
    /// Returns the ids of those runs so the runner can queue them again.
    /// </summary>
    public static async Task<IReadOnlyList<int>> InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EmbedDashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var unfinished = await db.Runs
            .Where(r => r.Status == RunStatus.Running || r.Status == RunStatus.Queued || r.Status == RunStatus.Interrupted)
            .ToListAsync(cancellationToken);
        foreach (var run in unfinished)
        {
            if (run.Status == RunStatus.Running)
            {
                run.Status = RunStatus.Interrupted;
                run.ProgressMessage = "Interrupted by a shutdown; queued again at start-up.";
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return unfinished.Select(r => r.Id).ToList();
    }
}
