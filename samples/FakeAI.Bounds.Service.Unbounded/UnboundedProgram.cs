namespace FakeAI.Bounds.Service;

/// <summary>
/// Starts the copy of the service wired to the unbounded trackers:
/// <c>dotnet run --project samples/FakeAI.Bounds.Service.Unbounded</c>. Named apart from the bounded service's
/// <c>Program</c> so that a test can start both.
/// </summary>
public sealed class UnboundedProgram
{
    private UnboundedProgram()
    {
    }

    /// <summary>Builds and runs the service until it is stopped.</summary>
    /// <param name="args">Command-line arguments, such as <c>--urls</c>.</param>
    public static void Main(string[] args)
    {
        ServiceApp.Create(args).Run();
    }
}
