using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies migrations and switches the file to WAL (readers never block the workers' writes, and a committed
    /// result survives a crash). Jobs left going by the last stop are recovered by the job worker's ledgers.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EmbedDashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
