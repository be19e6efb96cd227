using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmbedDashboard.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EmbedDashboardDbContext>
{
    public EmbedDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EmbedDashboardDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
