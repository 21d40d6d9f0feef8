# A stand-in for the service manager's end of NOTIFY_SOCKET (Node has no unix datagram sockets):
# prints each sd_notify datagram on a line and closes the file descriptors a BARRIER=1 passes,
# which is what releases the sender.
import os, socket, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
print('listening', flush=True)
while True:
    msg, anc, flags, addr = s.recvmsg(4096, socket.CMSG_SPACE(16 * 4))
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            for i in range(0, len(data) - len(data) % 4, 4):
                os.close(int.from_bytes(data[i:i + 4], sys.byteorder))
    print(msg.decode().replace('\n', ' '), flush=True)
