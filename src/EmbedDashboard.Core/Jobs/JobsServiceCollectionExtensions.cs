using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EmbedDashboard.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job framework (queue, hub, runner) once, however many projects add job kinds; the worker only when
    /// <paramref name="startWorker"/> (tests and the CLI run jobs themselves through <see cref="JobRunner"/>).
    /// </summary>
    public static IServiceCollection AddEmbedDashboardJobs(this IServiceCollection services, bool startWorker)
    {
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobHub>();
        services.TryAddSingleton<JobRunner>();
        if (startWorker) services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobWorker>());
        return services;
    }

    /// <summary>Registers one kind: its handler and its ledger.</summary>
    public static IServiceCollection AddJobKind<THandler, TLedger>(this IServiceCollection services)
        where THandler : class, IJobHandler
        where TLedger : class, IJobLedger
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<TLedger>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<THandler>());
        services.AddSingleton<IJobLedger>(sp => sp.GetRequiredService<TLedger>());
        return services;
    }
}
