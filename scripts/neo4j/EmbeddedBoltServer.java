// A real Neo4j 5.26 Community kernel with its Bolt connector, started from Maven Central jars.
// Usage: java -cp 'jars/*' EmbeddedBoltServer.java <dbHome> <host> <port>
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class EmbeddedBoltServer {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : "neo4j-data");
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 7687;
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("READY bolt://" + host + ":" + port);
    Thread.currentThread().join();
  }
}
