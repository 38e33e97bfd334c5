"""Publishing the Rats- and Bürgerzwilling: role content (:mod:`twin.publish.content`) in a signed package."""
