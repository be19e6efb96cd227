using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmbedDashboard.Data;

public sealed class EmbedDashboardDbContext(DbContextOptions<EmbedDashboardDbContext> options) : DbContext(options)
{
    public DbSet<DatasetEntity> Datasets => Set<DatasetEntity>();
    public DbSet<DatasetPayloadEntity> DatasetPayloads => Set<DatasetPayloadEntity>();
    public DbSet<EmbedderEntity> Embedders => Set<EmbedderEntity>();
    public DbSet<ExperimentEntity> Experiments => Set<ExperimentEntity>();
    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<MetricEntity> Metrics => Set<MetricEntity>();
    public DbSet<ShareLinkEntity> ShareLinks => Set<ShareLinkEntity>();
    public DbSet<TrainingJobEntity> TrainingJobs => Set<TrainingJobEntity>();
    public DbSet<ProjectionEntity> Projections => Set<ProjectionEntity>();
    public DbSet<LayerAnalysisEntity> LayerAnalyses => Set<LayerAnalysisEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // Enums by name: readable in the file, and stable if members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DatasetEntity>(e =>
        {
            e.HasIndex(d => d.Name);
            e.HasIndex(d => d.ContentSha256);
            e.HasOne(d => d.Payload).WithOne().HasForeignKey<DatasetPayloadEntity>(p => p.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DatasetPayloadEntity>().HasKey(p => p.DatasetId);
        modelBuilder.Entity<EmbedderEntity>().HasKey(e => e.Id);
        modelBuilder.Entity<ShareLinkEntity>().HasIndex(s => s.Token).IsUnique();
        modelBuilder.Entity<ExperimentEntity>().HasMany(x => x.Runs).WithOne(r => r.Experiment).HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<ProjectionEntity>(e =>
        {
            e.HasIndex(p => new { p.EmbedderId, p.DatasetId, p.Method, p.ParamsKey });
            e.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LayerAnalysisEntity>(e =>
        {
            e.HasIndex(p => new { p.EmbedderId, p.DatasetId, p.ParamsKey });
            e.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TrainingJobEntity>(e =>
        {
            e.HasIndex(j => j.Status);
            e.HasOne(j => j.Dataset).WithMany().HasForeignKey(j => j.DatasetId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<RunEntity>(e =>
        {
            e.HasIndex(r => r.Status);
            e.HasOne(r => r.Dataset).WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Metrics).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
