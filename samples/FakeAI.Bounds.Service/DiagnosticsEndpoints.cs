using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FakeAI.Bounds.Service;

/// <summary>
/// <c>GET /diagnostics/bounds</c>: every tracker's collections, how full they are and what they evicted or refused,
/// from the trackers' <c>GetBounds()</c>. The same numbers are on <c>/metrics</c> as <c>fakeai_bounds_*</c>.
/// </summary>
internal static class DiagnosticsEndpoints
{
    public const string Route = "/diagnostics/bounds";

    public static void MapDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (IServiceProvider services) => Results.Json(TrackerSet.Report(services), ServiceJson.Options));
    }
}
