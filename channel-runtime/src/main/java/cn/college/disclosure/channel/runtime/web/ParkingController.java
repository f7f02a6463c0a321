package cn.college.disclosure.channel.runtime.web;

import cn.college.disclosure.channel.runtime.ChannelParking;
import cn.college.disclosure.channel.runtime.ParkedChannel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the channel is parked (a provider's quota, an open circuit): 200 with the reason and the
 * resume time, 204 while it runs.
 */
@RestController
class ParkingController {

    private final ChannelParking parking;

    ParkingController(ChannelParking parking) {
        this.parking = parking;
    }

    @GetMapping("/channel/parking")
    ResponseEntity<ParkedChannel> parking() {
        return parking.parked().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
