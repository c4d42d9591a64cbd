package cn.gov.eqq.govinfo.localinfra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One Kafka Metadata request (API key 3, version 4: the oldest that Kafka 4 still accepts) over a plain socket, so
 * that the readiness check needs no kafka-clients on the classpath. Only the broker list of the answer is read.
 */
final class KafkaMetadataProbe {

    private static final short METADATA = 3;
    private static final short VERSION = 4;

    private KafkaMetadataProbe() {
    }

    /** The number of brokers that the broker at host:port reports; throws when it does not answer in time. */
    static int brokerCount(String host, int port, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            int correlationId = (int) (System.nanoTime() & 0x7fffffff);

            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream request = new DataOutputStream(body);
            request.writeShort(METADATA);
            request.writeShort(VERSION);
            request.writeInt(correlationId);
            byte[] clientId = "govinfo-localinfra".getBytes(StandardCharsets.UTF_8);
            request.writeShort(clientId.length);
            request.write(clientId);
            request.writeInt(-1); // topics: null = all topics
            request.writeByte(0); // allow_auto_topic_creation = false

            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(body.size());
            body.writeTo(out);
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 12) {
                throw new IOException("short metadata response (" + size + " bytes)");
            }
            int answeredId = in.readInt();
            if (answeredId != correlationId) {
                throw new IOException("metadata response for another request");
            }
            in.readInt(); // throttle_time_ms
            return in.readInt(); // brokers array length
        }
    }
}
